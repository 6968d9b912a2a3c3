"""The REST API and the dashboard, served by one FastAPI app."""

from eventwire.api.app import create_app

__all__ = ["create_app"]
