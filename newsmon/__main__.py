from newsmon.cli import app

app(prog_name="newsmon")
