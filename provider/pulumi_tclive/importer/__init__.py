"""``tclive import``: bring an existing live setup under management with a generated program.

:func:`read_account` reads the live domains, their CNAME records and the plugin licences (reads
only); :func:`write_project` writes a Pulumi program that adopts all of it, so its first ``up``
makes no create, update or delete call and the preview after it shows no changes.
"""

from ._account import Account, FoundDomain, FoundLicence, FoundRecord, read_account
from ._cli import add_import_command, run_import, write_project
from ._render import Project, component_misfit, render_program

__all__ = [
    "Account",
    "FoundDomain",
    "FoundLicence",
    "FoundRecord",
    "Project",
    "add_import_command",
    "component_misfit",
    "read_account",
    "render_program",
    "run_import",
    "write_project",
]
