"""Reading articles: files, streams and web pages (``readers``), one validator for every record
(``records``), the cleaned text (``text``), the article's structure (``layout``) and recasing
(``casing``)."""
