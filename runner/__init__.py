"""Running extraction outside Dagster: bounded worker processes and the `councilpacks` CLI."""

import multiprocessing
import multiprocessing.forkserver

# "__main__" first: the forkserver imports the main script once, so that workers do not each
# re-run it (in a Dagster run worker that would import Dagster in every worker).
PRELOAD = ["__main__", "runner.worker", "extractors.document"]
# Per-document worker limits (config of the Dagster resource and CLI flags).
MEMORY_MB = 1536
TIMEOUT_S = 300.0


def boot(start_method: str = "forkserver") -> multiprocessing.context.BaseContext:
    """The worker processes' context; a forkserver starts loading the extractors now.

    Called early, the forkserver imports the extractors while this process does other work.
    """
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
        multiprocessing.forkserver.ensure_running()
    return ctx
