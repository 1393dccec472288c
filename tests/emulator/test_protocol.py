"""The wire protocol: envelope, authentication checks and request validation, byte for byte."""

from __future__ import annotations

import json
import time

from pulumi_tclive.cloud.client import Credentials
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAINS
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG
from tests.emulator.helpers import Api, envelope, error_code


def test_success_envelope_is_compact_json_with_request_id(api: Api) -> None:
    answer = api.raw(b"{}")
    response = envelope(answer)
    assert answer.content.startswith(b'{"Response":{')
    assert response["AllCount"] == 0 and response["DomainList"] == []


def test_sdk_style_string_integers_are_accepted(api: Api) -> None:
    answer = api.raw(b'{"DomainName":"play.example.com","DomainType":"1"}', action="AddLiveDomain")
    assert "Error" not in envelope(answer)
    assert api.call(DESCRIBE_LIVE_DOMAINS).DomainList[0].Type == 1


def test_methods_other_than_post_and_get_are_unsupported_protocol(api: Api) -> None:
    assert error_code(api.raw(b"{}", method="PUT")) == "UnsupportedProtocol"


def test_get_signs_the_query_string(api: Api) -> None:
    query = "DomainType=1&PageSize=20"
    answer = api.raw(b"", method="GET", query=query)
    assert "Error" not in envelope(answer)
    assert error_code(api.raw(b"", method="GET", query=query, sign_query="DomainType=0&PageSize=20")) == (
        "AuthFailure.SignatureFailure"
    )


def test_unsigned_payload_is_accepted_only_when_declared(api: Api) -> None:
    body = b'{"PageSize":20}'
    answer = api.raw(body, sign_body=b"UNSIGNED-PAYLOAD", extra_headers={"X-TC-Content-SHA256": "UNSIGNED-PAYLOAD"})
    assert "Error" not in envelope(answer)
    assert error_code(api.raw(body, sign_body=b"UNSIGNED-PAYLOAD")) == "AuthFailure.SignatureFailure"


def test_missing_action_version_or_timestamp_header(api: Api) -> None:
    for header in ("X-TC-Action", "X-TC-Version", "X-TC-Timestamp"):
        answer = api.raw(b"{}", drop=(header,))
        assert error_code(answer) == "MissingParameter"
        assert header in envelope(answer)["Error"]["Message"]


def test_malformed_or_missing_authorization(api: Api) -> None:
    assert error_code(api.raw(b"{}", authorization="Basic dXNlcjpwYXNz")) == "AuthFailure.InvalidAuthorization"
    assert error_code(api.raw(b"{}", drop=("Authorization",))) == "AuthFailure.InvalidAuthorization"


def test_unknown_secret_id(api: Api) -> None:
    stranger = Credentials("AKID" + "x" * 32, "y" * 32)
    assert error_code(api.raw(b"{}", credentials=stranger)) == "AuthFailure.SecretIdNotFound"


def test_wrong_secret_key_fails_the_signature(api: Api) -> None:
    forged = Credentials(api.emulator.credentials.secret_id, "not-the-key")
    assert error_code(api.raw(b"{}", credentials=forged)) == "AuthFailure.SignatureFailure"


def test_expired_timestamp(api: Api) -> None:
    answer = api.raw(b"{}", timestamp=int(time.time()) - 301)
    assert error_code(answer) == "AuthFailure.SignatureExpire"


def test_a_timestamp_that_is_not_unix_seconds_is_invalid_parameter(api: Api) -> None:
    answer = api.raw(b"{}", extra_headers={"X-TC-Timestamp": "soon"})
    assert error_code(answer) == "InvalidParameter"
    assert envelope(answer)["Error"]["Message"] == "The timestamp 'soon' is not Unix time in seconds."


def test_body_that_does_not_match_its_signature(api: Api) -> None:
    answer = api.raw(b'{"PageSize":20}', sign_body=b'{"PageSize":10}')
    assert error_code(answer) == "AuthFailure.SignatureFailure"


def test_scope_date_must_be_the_timestamps_utc_date(api: Api) -> None:
    answer = api.raw(b"{}", scope_timestamp=int(time.time()) - 2 * 86400)
    assert error_code(answer) == "AuthFailure.SignatureFailure"


def test_unknown_action_version_and_service(api: Api) -> None:
    assert error_code(api.raw(b"{}", action="DescribeLiveStreams")) == "InvalidAction"
    assert error_code(api.raw(b"{}", version="2017-03-12")) == "NoSuchVersion"
    assert error_code(api.raw(b"{}", service="cvm")) == "NoSuchProduct"


def test_body_not_json_or_not_an_object(api: Api) -> None:
    for body in (b"not json", b"[1, 2]", b"", b"\xff\xfe"):
        answer = api.raw(body)
        assert error_code(answer) == "InvalidParameter"
        assert "not JSON" in envelope(answer)["Error"]["Message"]


def test_validation_errors_name_the_field_and_value(api: Api) -> None:
    missing = envelope(api.raw(b'{"DomainType":1}', action="AddLiveDomain"))["Error"]
    assert missing["Code"] == "MissingParameter" and "DomainName" in missing["Message"]
    unknown = envelope(api.raw(b'{"DomainName":"a.example.com","DomainType":1,"Foo":1}', action="AddLiveDomain"))
    assert unknown["Error"]["Code"] == "UnknownParameter" and "Foo" in unknown["Error"]["Message"]
    wrong = envelope(api.raw(b'{"DomainName":"a.example.com","DomainType":"push"}', action="AddLiveDomain"))
    assert wrong["Error"]["Code"] == "InvalidParameterValue"
    assert "DomainType" in wrong["Error"]["Message"] and '"push"' in wrong["Error"]["Message"]
    out_of_range = envelope(api.raw(b'{"PageSize":5}'))["Error"]
    assert out_of_range["Code"] == "InvalidParameterValue" and "PageSize" in out_of_range["Message"]


def test_rejected_requests_change_nothing_but_are_counted_once_authenticated(api: Api) -> None:
    api.raw(b"{}", credentials=Credentials("AKID" + "x" * 32, "y" * 32))
    api.raw(b'{"DomainType":1}', action="AddLiveDomain")
    log = api.call(DESCRIBE_REQUEST_LOG)
    assert [(c.Service, c.Action, c.Count) for c in log.Calls] == [("live", "AddLiveDomain", 1)]
    assert api.call(DESCRIBE_LIVE_DOMAINS).AllCount == 0


def test_errors_reach_the_client_as_api_errors_with_request_id(api: Api) -> None:
    api.call(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    error = api.error(ADD_LIVE_DOMAIN, DomainName="play.example.com", DomainType=1)
    assert error.code == "FailedOperation.DomainAdded"
    assert len(error.request_id) == 36 and error.attempts == 1


def test_add_live_domain_answers_only_a_request_id(api: Api) -> None:
    body = json.dumps({"DomainName": "push.example.com", "DomainType": 0}).encode()
    first = api.raw(body, action="AddLiveDomain")
    assert set(envelope(first)) == {"RequestId"}


def test_numbers_beyond_64_bits_are_invalid_values(api: Api) -> None:
    answer = api.raw(
        b'{"DomainName":"a.example.com","Bytes":99999999999999999999999}',
        action="RecordTraffic",
        service="emulator",
        version="2026-01-01",
    )
    assert error_code(answer) == "InvalidParameterValue"


def test_get_query_over_32_kib_is_refused_before_the_signature(api: Api) -> None:
    query = "DomainPrefix=" + "a" * (32 << 10)
    answer = api.raw(b"", method="GET", query=query)
    assert error_code(answer) == "RequestSizeLimitExceeded"
    assert "POST JSON body" in envelope(answer)["Error"]["Message"]
