"""Domain operations: plain functions taking a session and values; they flush, the caller commits."""
