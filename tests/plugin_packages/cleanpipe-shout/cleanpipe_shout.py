import cleanpipe


@cleanpipe.hookimpl
def cleanpipe_register_steps(register):
    register("shout", shout, description="Upper-case the text.")


def shout(text: str) -> str:
    return text.upper()
