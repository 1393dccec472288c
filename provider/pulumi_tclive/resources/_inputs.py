"""One declaration of a resource's inputs, from which its check, diff, defaults, docs and import follow.

A resource lists its inputs once, as :class:`Input` entries of an :class:`Inputs` declaration::

    INPUTS = Inputs(
        "PlayReferer",
        Input("domain_name", str, REQUIRED, doc="The play domain ...", replaces=True,
              normalize=normalize_domain_name, validated_by="domain_kind_problems"),
        Input("mode", str, "allow", doc="``allow`` or ``deny``.", choices=("allow", "deny")),
        Input("gop", int, 2, doc="Keyframe interval.", range=(1, 6), unit="seconds",
              source="tencentcloud-sdk-python-live, CreateLiveTranscodeTemplateRequest.Gop"),
        Input("flv_param", dict, None, doc="FLV recording.", fields=(Input("record_interval", int, 1800, ...),)),
        outputs=("cname_target",),
    )

and that declaration drives:

- ``check()``: :meth:`Inputs.check` normalises values, fills defaults (into the checked inputs, so
  refreshed inputs match the program's) and reports type, choice and range problems with the
  messages the rules use (``rules.check_enum``; ``"x is 1. Use true or false."``); the provider
  adds its cross-field rules. An input whose value a product rule already checks names that rule
  in ``validated_by`` and gets no generic check (so it is never reported twice).
- ``diff()``: :meth:`Inputs.changed` compares the inputs with ``compared=True`` (defaults applied
  to both sides; an unknown value counts as changed) and :meth:`Inputs.replacements` keeps the
  changed ones with ``replaces=True`` whose new value is known.
- defaults: :meth:`Inputs.values` is the inputs with defaults applied, for old outputs and new
  inputs alike (numbers arrive as floats, dropped keys as ``None``); a default that depends on
  another input is a ``default_for`` function.
- the resource class: :meth:`Inputs.document` (a class decorator) writes the ``Args:`` section of
  its docstring from the declaration and refuses, at import, an ``__init__`` whose keyword
  arguments differ from the declared ones in name, order or default; the class's ``INPUTS``
  attribute is then the declaration. The explicit signature stays
  for IDEs and mypy; :meth:`Inputs.props` builds the property dict from it (secrets wrapped with
  ``Output.secret``, outputs as ``None``) and :meth:`Inputs.options` declares the secret outputs.
- ``tclive import``: :meth:`Inputs.arguments` gives the arguments to write, in declared order,
  defaults and secrets left out (importer/_render.py formats them; a secret is only ever written
  as a reference to secret stack config).

Nested parameters (Tencent's structures) are ``dict`` inputs with ``fields``: snake_case keys,
each an :class:`Input` with its own default, choices and range; :meth:`Input.to_api` turns one
into Tencent's PascalCase structure and :meth:`Input.from_api` back.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pulumi

from .. import rules
from ._provider import as_bool, as_int, is_unknown

__all__ = ["REQUIRED", "Input", "Inputs"]


class _Required:
    """The default of an input the program must give."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
"""The ``default`` of an input without one: the program must give it (no default in ``__init__``)."""

Kind = type[str] | type[int] | type[float] | type[bool] | type[list[Any]] | type[dict[str, Any]] | None
"""``str``, ``int`` (whole numbers), ``float`` (any number), ``bool``, ``list``, ``dict``, or ``None`` (anything:
a value another resource stands for, such as a :class:`LiveDomain` given as ``domain_name``)."""

Rule = Callable[[str, Any], list[rules.Problem]]
"""An extra check of one known value: ``(property path, value) -> problems``."""

C = TypeVar("C", bound=type)


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_whole(value: object) -> bool:
    """A whole number, as Pulumi sends them (``600.0``) or as Python has them."""
    return _is_number(value) and as_int(value, -1) == value


def _has_unknown(value: object) -> bool:
    if is_unknown(value):
        return True
    if isinstance(value, list):
        return any(_has_unknown(item) for item in value)
    if isinstance(value, Mapping):
        return any(_has_unknown(item) for item in value.values())
    return False


@dataclass(frozen=True)
class Input:
    """One input of a resource: what it is, how it is checked and compared, and how it is documented.

    Args:
        name: the argument name (snake_case; for Tencent's fields, the request field in snake_case).
        kind: ``str``, ``int``, ``float``, ``bool``, ``list``, ``dict`` or ``None`` (anything).
        default: the value when the program gives none or ``None``; also ``__init__``'s default, which
            may be written ``None`` instead (always so for a list or dict); :data:`REQUIRED` when it must
            be given.
        doc: the docstring text of the argument (one or more sentences; defaults, replacement, secrecy
            and Tencent's range are added from the other fields).
        replaces: a change needs a new object (identity); a known change is listed in ``replaces``.
        compared: ``diff()`` compares it (``False`` for preconditions read only by create, and for
            values the provider compares another way, such as a secret through its digest).
        secret: wrapped with ``Output.secret`` and declared a secret output; never written by import.
        argument: an argument of ``__init__`` (``False`` for inputs the resource fills itself, such as
            the ``domain_type`` of a LiveDomain given as ``domain_name``).
        choices: the accepted values (checked with ``rules.check_enum`` unless ``validated_by``).
        range: ``(low, high)`` for numbers, inclusive; either end may be ``None``.
        unit: the unit named in the range message and docs (e.g. ``"seconds"``).
        source: the page documenting Tencent's range or choices (cloud.tencent.com, or the official
            SDK's model docstring), cited in the docs.
        item: the kind of a list's items.
        fields: a ``dict`` input's keys, each an :class:`Input` (nested parameters).
        api: Tencent's field name, default the PascalCase of ``name``.
        normalize: applied to a known value before anything else (e.g. ``rules.normalize_domain_name``).
        fix: the fix sentence of the generic type/range message, when the default wording is not enough.
        rule: an extra check of a known value of the right kind: ``(path, value) -> problems``.
        validated_by: the product rule that checks this value (it then gets no generic check).
        default_for: the default when it depends on other inputs: ``(inputs with their defaults) -> value``,
            used where ``default`` is ``None`` and no value is given (say so in ``doc``).
    """

    name: str
    kind: Kind
    default: Any = None
    doc: str = ""
    replaces: bool = False
    compared: bool = True
    secret: bool = False
    argument: bool = True
    choices: tuple[Any, ...] = ()
    range: tuple[float | None, float | None] | None = None
    unit: str = ""
    source: str = ""
    item: Kind = None
    fields: tuple[Input, ...] = ()
    api: str = ""
    normalize: Callable[[Any], Any] | None = None
    fix: str = ""
    rule: Rule | None = None
    validated_by: str = ""
    default_for: Callable[[Mapping[str, Any]], Any] | None = None

    @property
    def required(self) -> bool:
        """The program must give it."""
        return self.default is REQUIRED

    @property
    def api_name(self) -> str:
        """Tencent's field name."""
        return self.api or _pascal(self.name)

    def default_value(self) -> Any:
        """A fresh copy of the default (``None`` for a required input)."""
        if self.required:
            return None
        if isinstance(self.default, list | dict):
            return type(self.default)(self.default)
        return self.default

    # --- defaults -------------------------------------------------------------------------------

    def value(self, given: Any) -> Any:
        """``given`` with the default applied: ``None`` (or an empty text) means the default."""
        if is_unknown(given):
            return given
        if given is not None and self.normalize is not None:
            given = self.normalize(given)
        default = self.default_value()
        if self.kind is bool:
            return as_bool(given, default) if default is not None else given
        if self.kind is int:
            return as_int(given, default) if default is not None else (as_int(given, 0) if _is_whole(given) else given)
        if self.kind is float:
            return float(given) if _is_number(given) else default
        if self.kind is str:
            return given or default if default is not None else given
        if self.kind is dict and self.fields and isinstance(given, Mapping):
            known = {f.name for f in self.fields}
            nested = {f.name: f.value(given.get(f.name)) for f in self.fields}
            return {**nested, **{k: v for k, v in given.items() if k not in known}}
        return default if given is None else given

    # --- check ----------------------------------------------------------------------------------

    def problems(self, value: Any, path: str = "") -> list[rules.Problem]:
        """Type, choice and range problems of one known, defaulted value (``[]`` for ``None`` unless required).

        A secret's problems never quote it: no value, a fixed reason (the property name is no secret).
        """
        path = path or self.name
        found = self._problems(value, path)
        if self.secret and found:
            fix = self.fix or (self._range_fix() if self.range is not None else self._kind_fix())
            return [rules.Problem(path, None, f"{path} (a secret, not shown) is not accepted.", fix)]
        return found

    def _problems(self, value: Any, path: str) -> list[rules.Problem]:
        if _has_unknown(value) or self.validated_by:
            return []
        if value is None:
            if self.required:
                return [rules.Problem(path, None, f"{path} is missing.", f"Give {path}: {self.doc}".rstrip())]
            return []
        if self.choices:
            if all(isinstance(c, str) for c in self.choices):
                return rules.check_enum(value, [str(c) for c in self.choices], path)
            if value not in self.choices or isinstance(value, bool) != isinstance(self.choices[0], bool):
                listed = ", ".join(repr(c) for c in self.choices)
                return [rules.Problem(path, value, f"{path} is {value!r}.", self.fix or f"Use one of: {listed}.")]
            return self._rule(path, value)
        wrong = self._kind_problem(value, path)
        if wrong is not None:
            return [wrong]
        if self.kind is list and self.item is not None:
            item = Input(f"{path}[]", self.item)
            bad = [v for v in value if item._kind_problem(v, path) is not None]
            if bad:
                return [rules.Problem(path, value, f"{path} is {value!r}.", self.fix or self._kind_fix())]
        if self.kind is dict and self.fields:
            return self._nested_problems(value, path)
        if self.range is not None and not self._in_range(value):
            return [rules.Problem(path, value, f"{path} is {value!r}.", self.fix or self._range_fix())]
        return self._rule(path, value)

    def _rule(self, path: str, value: Any) -> list[rules.Problem]:
        return self.rule(path, value) if self.rule is not None else []

    def _kind_problem(self, value: Any, path: str) -> rules.Problem | None:
        if self.kind is None:
            return None
        if self.kind is bool:
            fits = isinstance(value, bool)
        elif self.kind is int:
            fits = _is_whole(value)
        elif self.kind is float:
            fits = _is_number(value)
        else:
            fits = isinstance(value, Mapping if self.kind is dict else self.kind)
        if fits:
            return None
        if self.kind is bool:
            return rules.Problem(path, value, f"{path} is {value!r}.", "Use true or false.")
        fix = self._range_fix() if self.kind in (int, float) and self.range is not None else self._kind_fix()
        return rules.Problem(path, value, f"{path} is {value!r}.", self.fix or fix)

    def _kind_fix(self) -> str:
        if self.kind is int:
            return "Give a whole number" + (f" of {self.unit}." if self.unit else ".")
        if self.kind is float:
            return "Give a number" + (f" of {self.unit}." if self.unit else ".")
        if self.kind is str:
            return "Give text."
        if self.kind is list:
            return "Give a list" + (" of text values." if self.item is str else ".")
        keys = ", ".join(f.name for f in self.fields)
        return f"Give a dict with the keys {keys}." if keys else "Give a dict."

    def _in_range(self, value: Any) -> bool:
        assert self.range is not None
        low, high = self.range
        return (low is None or value >= low) and (high is None or value <= high)

    def _range_fix(self) -> str:
        assert self.range is not None
        low, high = (None if end is None else int(end) if float(end).is_integer() else end for end in self.range)
        what = "a whole number" if self.kind is int else "a number"
        unit = f" {self.unit}" if self.unit else ""
        if low is not None and high is not None:
            return f"Give {what} from {low} to {high}{unit}."
        if low is not None:
            return f"Give {what} of {low}{unit} or more."
        return f"Give {what} of at most {high}{unit}."

    def _nested_problems(self, value: Mapping[str, Any], path: str) -> list[rules.Problem]:
        known = {f.name: f for f in self.fields}
        found = [
            rules.Problem(
                f"{path}.{key}",
                value[key],
                f"{path} has no field {key!r}.",
                f"Use the keys {', '.join(known)} (snake_case).",
            )
            for key in value
            if key not in known
        ]
        for name, nested in known.items():
            found += nested.problems(value.get(name), f"{path}.{name}")
        return found

    # --- Tencent's structures ---------------------------------------------------------------------

    def to_api(self, value: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """A nested ``dict`` value as Tencent's structure (PascalCase keys, ``None`` left out)."""
        if value is None:
            return None
        out: dict[str, Any] = {}
        for nested in self.fields:
            item = value.get(nested.name)
            if item is not None:
                out[nested.api_name] = nested.to_api(item) if nested.fields else item
        return out

    def from_api(self, value: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """Tencent's structure as this nested input's ``dict`` (snake_case keys, defaults for missing fields)."""
        if value is None:
            return None
        return {
            nested.name: nested.from_api(value.get(nested.api_name))
            if nested.fields
            else nested.value(value.get(nested.api_name))
            for nested in self.fields
        }

    # --- docs -------------------------------------------------------------------------------------

    def describe(self) -> str:
        """The argument's docstring text, with what the declaration adds."""
        parts = [self.doc.strip()]
        if self.choices and not self.validated_by and "``" not in self.doc:
            parts.append("One of " + ", ".join(f"``{c!r}``" for c in self.choices) + ".")
        if self.range is not None:
            fix = self._range_fix().removeprefix("Give ")
            parts.append(f"Tencent accepts {fix[:-1]}" + (f" ({self.source})." if self.source else "."))
        elif self.source:
            parts.append(f"See {self.source}.")
        if not self.required and self.default is not None and self.argument:
            shown = f'"{self.default}"' if isinstance(self.default, str) else repr(self.default)
            parts.append(f"Default ``{shown}``.")
        if self.replaces:
            parts.append("Changing it replaces the resource.")
        if self.secret:
            parts.append("A secret: never in state, logs or messages.")
        if self.fields:
            parts.append("Keys: " + "; ".join(f"``{f.name}``: {f.describe()}" for f in self.fields))
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Inputs:
    """A resource's declared inputs, in ``__init__``'s order (see the module docstring).

    Args:
        resource: the resource's class name, for messages.
        inputs: the inputs, in the order of ``__init__``'s keyword arguments.
        outputs: the names of the outputs the resource adds (sent as ``None`` so they are known).
    """

    resource: str
    inputs: tuple[Input, ...]
    outputs: tuple[str, ...] = ()
    by_name: Mapping[str, Input] = field(init=False, repr=False, compare=False)

    def __init__(self, resource: str, *inputs: Input, outputs: Sequence[str] = ()) -> None:
        object.__setattr__(self, "resource", resource)
        object.__setattr__(self, "inputs", inputs)
        object.__setattr__(self, "outputs", tuple(outputs))
        object.__setattr__(self, "by_name", {i.name: i for i in inputs})
        if len(self.by_name) != len(inputs):
            raise ValueError(f"{resource}: an input is declared twice")

    @property
    def names(self) -> tuple[str, ...]:
        """Every input's name, in order."""
        return tuple(self.by_name)

    @property
    def secret_names(self) -> list[str]:
        """The secret inputs (declared secret outputs too)."""
        return [i.name for i in self.inputs if i.secret]

    def __getitem__(self, name: str) -> Input:
        return self.by_name[name]

    # --- defaults, check, diff ---------------------------------------------------------------------

    def values(self, props: Mapping[str, Any]) -> dict[str, Any]:
        """Every input with defaults applied (for new inputs and old outputs alike, which carry the inputs)."""
        return self._dependent_defaults({i.name: i.value(props.get(i.name)) for i in self.inputs})

    def _dependent_defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        """``values`` with each ``default_for`` applied where no value is given (it reads the plain defaults)."""
        plain = {i.name: i.value(values.get(i.name)) for i in self.inputs}
        for declared in self.inputs:
            if declared.default_for is not None and values.get(declared.name) is None:
                default = declared.default_for(plain)
                if default is not None:
                    values[declared.name] = default
        return values

    def check(self, news: Mapping[str, Any]) -> tuple[dict[str, Any], list[rules.Problem]]:
        """The checked inputs (normalised, defaults filled in) and the problems of each input on its own.

        Unknown values (preview) are kept and not checked; the provider adds its cross-field rules.
        """
        inputs = dict(news)
        problems: list[rules.Problem] = []
        for declared in self.inputs:
            given = inputs.get(declared.name)
            if given is not None and not is_unknown(given) and declared.normalize is not None:
                given = inputs[declared.name] = declared.normalize(given)
            if (given is None or (isinstance(given, str) and not given)) and declared.default_value() is not None:
                given = inputs[declared.name] = declared.default_value()
            if declared.fields and isinstance(given, Mapping) and not _has_unknown(given):
                problems += declared.problems(given)
                given = inputs[declared.name] = declared.value(given)
                continue
            problems += declared.problems(given)
        return self._dependent_defaults(inputs), problems

    def changed(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        """The compared inputs whose value differs (defaults applied to both) or is unknown, in order."""
        old, new = self.values(olds), self.values(news)
        return [
            i.name for i in self.inputs if i.compared and (is_unknown(news.get(i.name)) or old[i.name] != new[i.name])
        ]

    def replacements(self, changed: Sequence[str], news: Mapping[str, Any]) -> list[str]:
        """The changed inputs that need a new object, where the new value is known (other names are skipped)."""
        return [
            name
            for name in changed
            if name in self.by_name and self.by_name[name].replaces and not is_unknown(news.get(name))
        ]

    # --- the resource class ------------------------------------------------------------------------

    def props(self, arguments: Mapping[str, Any], **filled: Any) -> dict[str, Any]:
        """The property dict for ``Resource.__init__``: every input (``filled`` for non-arguments) and output.

        Args:
            arguments: ``__init__``'s arguments (``locals()`` works: only declared names are taken).
            filled: values of inputs the resource fills itself (``argument=False``) or has rewritten.
        """
        props: dict[str, Any] = {}
        for declared in self.inputs:
            value = filled[declared.name] if declared.name in filled else arguments.get(declared.name)
            if value is None:
                value = declared.default_value()  # None stands for the default (a mutable one always)
            if declared.secret and value is not None:
                value = pulumi.Output.secret(value)
            props[declared.name] = value
        props.update(dict.fromkeys(self.outputs))
        return props

    def options(self, opts: pulumi.ResourceOptions | None) -> pulumi.ResourceOptions | None:
        """``opts`` with the secret inputs declared as secret outputs (unchanged when there are none)."""
        if not self.secret_names:
            return opts
        secret = pulumi.ResourceOptions(additional_secret_outputs=self.secret_names)
        return pulumi.ResourceOptions.merge(secret, opts)

    def signature_mismatches(self, init: Callable[..., Any]) -> list[str]:
        """How ``init``'s keyword arguments differ from the declared arguments (``[]`` when they match)."""
        parameters = [
            p for p in inspect.signature(init).parameters.values() if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        found = [p.name for p in parameters if p.name != "opts"]
        declared = [i for i in self.inputs if i.argument]
        wanted = [i.name for i in declared]
        if found != wanted:
            return [f"keyword arguments are {found}, declared {wanted}"]
        mismatches = []
        for parameter, argument in zip((p for p in parameters if p.name != "opts"), declared, strict=True):
            default = inspect.Parameter.empty if argument.required else argument.default
            if parameter.default is None and default is not inspect.Parameter.empty:
                continue  # None stands for the declared default (always so for a list or dict)
            if type(parameter.default) is not type(default) or parameter.default != default:
                mismatches.append(f"{parameter.name} defaults to {parameter.default!r}, declared {default!r}")
        return mismatches

    def document(self, cls: C) -> C:
        """Class decorator: the ``Args:`` section of the docstring from the declaration; the signature checked.

        The declaration is then the class's ``INPUTS`` attribute.

        The section goes after the docstring's first paragraph. Raises ``TypeError`` at import when
        ``__init__``'s keyword arguments differ from the declaration (name, order or default).
        """
        mismatches = self.signature_mismatches(getattr(cls, "__init__"))  # noqa: B009 (mypy: __init__ of a type)
        if mismatches:
            raise TypeError(f"{cls.__name__}.__init__ does not match its declared inputs: {'; '.join(mismatches)}")
        cls.__doc__ = self.docstring(cls.__doc__ or "")
        setattr(cls, "INPUTS", self)  # noqa: B010 (the declaration, found from the class: ``LiveDomain.INPUTS``)
        return cls

    def docstring(self, text: str) -> str:
        """``text`` (a class docstring) with the ``Args:`` section written from the declaration."""
        text = inspect.cleandoc(text)
        summary, _, rest = text.partition("\n\n")
        lines = ["Args:", "    resource_name: The Pulumi resource name."]
        for declared in self.inputs:
            if declared.argument:
                lines += _wrap(f"{declared.name}: {declared.describe()}", "    ", "        ")
        lines.append("    opts: Pulumi resource options.")
        return "\n\n".join(p for p in (summary, "\n".join(lines), rest) if p)

    # --- tclive import -----------------------------------------------------------------------------

    def arguments(self, values: Mapping[str, Any], *, references: Collection[str] = ()) -> list[tuple[Input, Any]]:
        """The arguments to write for ``values``: declared order, defaults and secrets left out.

        A value equal to the input's default (after the default is applied to it) is left out, as
        is every secret not named in ``references`` (inputs whose value is a reference to secret
        stack config, never the secret itself).
        """
        out = []
        for declared in self.inputs:
            name = declared.name
            if not declared.argument or name not in values or (declared.secret and name not in references):
                continue
            value = values[name]
            if declared.required or name in references or value != declared.value(declared.default_value()):
                out.append((declared, value))
        return out


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text, 110, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
