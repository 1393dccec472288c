"""The last link: the mini-program's ``app.json`` references the live plugin (R3).

The plugin is 腾讯云直播助手, AppID ``wx95a7d2b78cf30f98``
(https://cloud.tencent.com/document/product/1148/39191). The product's minimum version is 1.2.1
(docs/design.md#product-rules); Tencent's current plugin page asks for 1.3.4, so a version from
1.2.1 up to 1.3.4 is a warning naming that page. WeChat allows ``plugins`` at the top level and
in each subpackage (``subpackages``/``subPackages``); every block is looked at.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import rules
from ..errors import ConfigurationError
from ._findings import Finding

__all__ = ["CURRENT_PLUGIN_VERSION", "PLUGIN_PAGE", "app_json_findings"]

CURRENT_PLUGIN_VERSION = "1.3.4"
"""The version Tencent's current plugin page asks for."""

PLUGIN_PAGE = "https://cloud.tencent.com/document/product/1148/39191"


def _blocks(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every plugin block: (where, alias, block)."""
    found = []
    sections: list[tuple[str, Any]] = [("plugins", document.get("plugins"))]
    for key in ("subpackages", "subPackages"):
        for index, package in enumerate(document.get(key) or []):
            if isinstance(package, dict):
                root = package.get("root", index)
                sections.append((f"{key}[{root}].plugins", package.get("plugins")))
    for where, plugins in sections:
        if isinstance(plugins, dict):
            found += [(where, alias, block) for alias, block in plugins.items() if isinstance(block, dict)]
    return found


def _older(version: tuple[int, ...], than: str) -> bool:
    other = rules.parse_version(than) or ()
    width = max(len(version), len(other))
    return version + (0,) * (width - len(version)) < other + (0,) * (width - len(other))


def app_json_findings(path: str) -> list[Finding]:
    """The ``app.json`` check of the mini-program at ``path``.

    :param path: the mini-program's ``app.json``.
    :raises ConfigurationError: the file cannot be read or is not a JSON object (bad usage: exit 2).
    """
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read --app-json {path}: {exc.strerror or exc}; pass the mini-program's app.json."
        ) from None
    except ValueError as exc:
        raise ConfigurationError(f"--app-json {path} is not JSON ({exc}); pass the mini-program's app.json.") from None
    if not isinstance(document, dict):
        raise ConfigurationError(f"--app-json {path} is not a JSON object; pass the mini-program's app.json.")
    block = (
        f'"plugins": {{"live-player-plugin": {{"version": "{CURRENT_PLUGIN_VERSION}", '
        f'"provider": "{rules.PLUGIN_APP_ID}"}}}}'
    )
    ours = [(where, alias, b) for where, alias, b in _blocks(document) if b.get("provider") == rules.PLUGIN_APP_ID]
    if not ours:
        others = [f"{alias} (provider {b.get('provider')!s})" for _, alias, b in _blocks(document)]
        detail = f"no plugin block with provider {rules.PLUGIN_APP_ID} ({rules.PLUGIN_NAME})"
        if others:
            detail += f"; it has {', '.join(others)}"
        return [Finding("app.json", path, "fail", detail, f"Add {block} to app.json.")]
    findings = []
    for where, alias, plugin in ours:
        version_text = str(plugin.get("version", ""))
        version = rules.parse_version(version_text)
        subject = path
        at = f"{where}.{alias}"
        fix = f'Set "version": "{CURRENT_PLUGIN_VERSION}" in {at} ({block}).'
        if version is None:
            findings.append(
                Finding("app.json", subject, "fail", f"{at} version {version_text!r} is not a dotted version", fix)
            )
        elif _older(version, rules.MIN_PLUGIN_VERSION):
            findings.append(
                Finding(
                    "app.json",
                    subject,
                    "fail",
                    f"{at} version {version_text} is below the plugin's minimum {rules.MIN_PLUGIN_VERSION}",
                    fix,
                )
            )
        elif _older(version, CURRENT_PLUGIN_VERSION):
            findings.append(
                Finding(
                    "app.json",
                    subject,
                    "warn",
                    f"{at} version {version_text} meets the minimum {rules.MIN_PLUGIN_VERSION}, but Tencent's "
                    f"plugin page asks for {CURRENT_PLUGIN_VERSION} ({PLUGIN_PAGE})",
                    fix,
                )
            )
        else:
            findings.append(Finding("app.json", subject, "pass", f"{at}: {rules.PLUGIN_APP_ID} version {version_text}"))
    return findings
