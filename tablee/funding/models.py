"""Resources and funding."""
