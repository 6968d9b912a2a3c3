"""Live sources: polite HTTP fetching (``fetch``), article text and date from web pages
(``pages``), and the feed watcher that codes what is new (``watch``)."""
