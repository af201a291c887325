"""What each report reads, through the core services and read sessions: plain data, no layout."""
