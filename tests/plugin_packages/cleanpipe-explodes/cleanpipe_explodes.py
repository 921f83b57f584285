import time

import cleanpipe


@cleanpipe.hookimpl
def cleanpipe_register_steps(register):
    register("explode", explode, description="Fail on 'boom'.")
    register("wrong-type", lambda text: len(text), description="Return an int.")
    register("slow", slow, description="Take 30 s on 'slow'.")


def explode(text: str) -> str:
    if "boom" in text:
        raise ValueError("cannot stand 'boom'")
    return text


def slow(text: str) -> str:
    if "slow" in text:
        time.sleep(30)
    return text
