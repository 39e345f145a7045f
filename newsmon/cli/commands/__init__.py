"""The commands, one module a concern; newsmon/cli/__init__.py names them and puts them in `newsmon --help` order.

Heavy modules (the pipeline, the store, Kafka) are imported inside each command, so `--help` and quick commands
do not wait for them."""
