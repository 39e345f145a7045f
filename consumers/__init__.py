"""The consumer stages, in pipeline order (each is a Kafka consumer group; newsmon/cli/pipeline.py builds them)."""

STAGES = ("fulltext", "dedupe", "claims", "alerts")
