import cleanpipe


@cleanpipe.hookimpl
def cleanpipe_register_steps(register):
    register("explode", explode, description="Fail on 'boom'.")
    register("wrong-type", lambda text: len(text), description="Return an int.")


def explode(text: str) -> str:
    if "boom" in text:
        raise ValueError("cannot stand 'boom'")
    return text
