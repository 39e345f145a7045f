"""The `newsmon` command line: the one place that wires producers, consumers and the core together.

This module is its table of contents: the command groups and every command, in `newsmon --help` order. The
commands live in commands/ by concern; errors.py says how they fail, output.py how they write, options.py what
they share; the other modules here are what the commands run (the pipeline, poll-once, the demo, tail)."""

import typer

from newsmon.cli.commands import alerts, feeds, provision, query, serve, service, text_files

app = typer.Typer(no_args_is_help=True, add_completion=False, help="newsmon: who is claiming what about Syria.")
db_app = typer.Typer(no_args_is_help=True, help="Store schema.")
alerts_app = typer.Typer(no_args_is_help=True, help="Alert topics.")
topics_app = typer.Typer(no_args_is_help=True, help="Kafka topics.")
feeds_app = typer.Typer(no_args_is_help=True, help="The feed catalogue.")
app.add_typer(db_app, name="db")
app.add_typer(alerts_app, name="alerts")
app.add_typer(topics_app, name="topics")
app.add_typer(feeds_app, name="feeds")

app.command()(service.run)
app.command()(service.poll)
app.command()(service.consume)
app.command()(service.demo)
app.command()(query.query)
app.command()(serve.serve)
app.command()(query.report)
app.command()(text_files.extract)
app.command()(text_files.cluster)
app.command("poll-once")(service.poll_once_command)
db_app.command("upgrade")(provision.db_upgrade)
topics_app.command("ensure")(provision.topics_ensure)
alerts_app.command("tail")(alerts.alerts_tail)
feeds_app.command("list")(feeds.feeds_list)
feeds_app.command("status")(feeds.feeds_status)
feeds_app.command("import")(feeds.feeds_import)
feeds_app.command("export")(feeds.feeds_export)
feeds_app.command("add")(feeds.feeds_add)
feeds_app.command("disable")(feeds.feeds_disable)
feeds_app.command("enable")(feeds.feeds_enable)
