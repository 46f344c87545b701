"""The corpus store (SQLite): documents, facts, index keys, comparisons and findings."""
