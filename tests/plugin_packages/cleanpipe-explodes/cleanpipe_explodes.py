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


@cleanpipe.hookimpl
def cleanpipe_register_commands(commands):
    hello = commands.add_parser("hello", help="Say hello, or fail.")
    hello.add_argument("name")
    hello.set_defaults(handler=hello_command)


def hello_command(args):
    if args.name == "nobody":
        raise cleanpipe.CleanpipeError("there is nobody to greet")
    print(f"hello, {args.name}")
    return 0
