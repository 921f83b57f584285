import cleanpipe


@cleanpipe.hookimpl
def cleanpipe_register_commands(commands):
    commands.add_parser("run", help="Clashes with cleanpipe's own run.")
