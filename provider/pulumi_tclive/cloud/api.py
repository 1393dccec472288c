"""The shape shared by every API 3.0 action: request/response base models and the action.

One definition of the API serves both sides: the client serialises a request model and parses the
response model; the emulator parses the same request model (``extra="forbid"`` gives
``UnknownParameter``) and serialises the same response model. Field names are Tencent's, exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Action", "ApiObject", "ApiRequest", "ApiResponse", "ErrorBody"]


# Every process imports some 300 models and uses a few (a provider, a program, the engine): each model's
# validator is built on first use, not at import (``defer_build``), which saves about 0.2 s per process.


class ApiRequest(BaseModel):
    """Base of every request body. Unknown fields are refused; integers may arrive as strings."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def to_body(self) -> dict[str, Any]:
        """The JSON body: unset (``None``) fields are omitted, as the official SDKs do."""
        return self.model_dump(mode="json", exclude_none=True)


class ApiObject(BaseModel):
    """Base of structures nested in a response (``DomainInfo``, ``RecordListItem``…): unknown fields ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class ApiResponse(BaseModel):
    """Base of every ``Response`` object. Fields Tencent adds later are ignored, never an error."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    RequestId: str = ""


class ErrorBody(BaseModel):
    """``Response.Error``."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    Code: str
    Message: str = ""


ReqT = TypeVar("ReqT", bound=ApiRequest)
RespT = TypeVar("RespT", bound=ApiResponse)


@dataclass(frozen=True)
class Action(Generic[ReqT, RespT]):
    """One API action: where it lives (service, version), its name and its two models.

    ``read_only`` selects the read retry deadline (3 min) instead of the write one (5 min), and
    ``rate_limit`` is Tencent's documented per-second limit (docs/design.md#retries-and-rate-limits) the client stays under.
    """

    service: str
    version: str
    name: str
    request: type[ReqT]
    response: type[RespT]
    read_only: bool
    rate_limit: float
