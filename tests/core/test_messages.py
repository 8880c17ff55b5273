"""Messages from templates: rendering placeholders (unknown ones left visible, braces never a
crash), the mailto: URL's encoding, which template fits, the values of a contact, and sending
(a give when the template gives, the follow-up done) undone whole."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netdesk.core.messages import mailto_url, render
from netdesk.core.templates import TemplateRow, choose
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Event, FollowUp, Interaction, Pitch


def test_render_fills_known_placeholders_and_leaves_the_rest() -> None:
    text = "Hi {first_name}, {unknown} at {company}{ {} {first_name {event} }}"
    values = {"first_name": "Ana", "company": "Acme & Co", "event": ""}
    assert render(text, values) == "Hi Ana, {unknown} at Acme & Co{ {} {first_name {event} }}"


def test_a_value_with_braces_is_not_filled_again() -> None:
    assert render("{first_name} {company}", {"first_name": "{company}", "company": "X"}) == (
        "{company} X"
    )


@given(st.text())
def test_render_never_fails_and_leaves_text_without_values_alone(text: str) -> None:
    assert render(text, {}) == text


def test_mailto_encodes_non_ascii_ampersands_questions_and_line_breaks() -> None:
    url = mailto_url("ana@example.com", "Café & more?", "Hi Jürgen,\nQ&A=fun? 100% #1\n\nBye")
    assert url == (
        "mailto:ana@example.com?subject=Caf%C3%A9%20%26%20more%3F"
        "&body=Hi%20J%C3%BCrgen%2C%0D%0AQ%26A%3Dfun%3F%20100%25%20%231%0D%0A%0D%0ABye"
    )
    parts = urlsplit(url)
    fields = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert unquote(parts.path) == "ana@example.com"
    assert fields == {
        "subject": "Café & more?",
        "body": "Hi Jürgen,\r\nQ&A=fun? 100% #1\r\n\r\nBye",
    }


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1)


@given(_TEXT, _TEXT)
def test_mailto_gives_back_any_subject_and_body(subject: str, body: str) -> None:
    url = mailto_url("ana@example.com", subject, body)
    assert url.isascii() and " " not in url
    query = urlsplit(url).query
    assert [part.split("=")[0] for part in query.split("&")] == ["subject", "body"]
    fields = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    crlf = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    assert fields == {"subject": subject, "body": crlf}


def test_mailto_without_subject_or_body_is_just_the_address() -> None:
    assert mailto_url("ana@example.com", "", "") == "mailto:ana@example.com"


TEMPLATES = [
    TemplateRow(1, "Ask", ""),
    TemplateRow(2, "After", "after meeting"),
    TemplateRow(3, "Check", "check-in"),
    TemplateRow(4, "Share", "share article", give_kind="article or resource"),
]


@pytest.mark.parametrize(
    ("reason", "name"),
    [
        ("after meeting", "After"),
        ("met", "After"),
        ("give back", "Share"),
        ("quiet", "Check"),
        ("thank", "Check"),
        ("", "Check"),
    ],
)
def test_choose_fits_the_reason_or_the_signal(reason: str, name: str) -> None:
    assert choose(TEMPLATES, reason).name == name


def test_choose_without_a_check_in_takes_the_first() -> None:
    assert choose(TEMPLATES[:1], "thank").name == "Ask"
    assert choose([], "thank") is None


@pytest.fixture
def ana(services) -> int:
    draft = ContactDraft(
        given_name="Ana",
        family_name="Lima",
        organisation="Acme",
        how_met="Sam's barbecue",
        methods=[
            MethodDraft("email", "old@example.com"),
            MethodDraft("email", "ana@example.com", preferred=True),
        ],
    )
    return services.contacts.create(draft)


def test_values_of_a_contact_come_from_the_follow_up_event_and_pitch(services, ana) -> None:
    from datetime import datetime

    Pitch.create(title="Short", text="I build data tools.")
    pycon = Event.create(name="PyCon", starts_at=datetime(2026, 3, 1), pitch_text="At PyCon: me.")
    values = services.templates.values_for(ana)
    assert values == {
        "first_name": "Ana",
        "last_name": "Lima",
        "name": "Ana Lima",
        "company": "Acme",
        "title": "",
        "how_we_met": "Sam's barbecue",
        "event": "",
        "my_pitch": "I build data tools.",
    }
    followup = services.followups.create(ana, datetime(2026, 3, 12), event_id=pycon.id)
    values = services.templates.values_for(ana, followup)
    assert (values["event"], values["my_pitch"]) == ("PyCon", "At PyCon: me.")
    assert services.templates.email_of(ana) == "ana@example.com"


def test_sending_logs_a_give_completes_the_follow_up_and_unsend_takes_both_back(
    services, ana
) -> None:
    from datetime import datetime

    share = next(t for t in services.templates.list() if t.name == "Share an article")
    followup = services.followups.create(ana, datetime(2026, 3, 11), reason="share article")
    sent = services.templates.send(ana, share, "email", followup)
    logged = Interaction.get_by_id(sent.interaction_id)
    assert (logged.channel, logged.direction, logged.give_kind) == (
        "email",
        "gave",
        "article or resource",
    )
    assert logged.summary == "Sent “Share an article”"
    stored = FollowUp.get_by_id(followup)
    assert (stored.status, stored.interaction_id) == ("done", sent.interaction_id)
    assert Interaction.select().count() == 1
    services.templates.unsend(sent)
    assert Interaction.select().count() == 0
    assert FollowUp.get_by_id(followup).status == "open"


def test_a_check_in_sent_without_a_follow_up_is_neutral(services, ana) -> None:
    check_in = next(t for t in services.templates.list() if t.reason == "check-in")
    sent = services.templates.send(ana, check_in, "message")
    assert sent.done is None
    assert Interaction.get_by_id(sent.interaction_id).direction == "neutral"


def test_templates_are_saved_renamed_and_deleted(services) -> None:
    templates = services.templates
    new_id = templates.save(TemplateRow(None, "  Coffee ", "check-in", "Coffee?", "{first_name}?"))
    assert templates.list()[-1] == TemplateRow(
        new_id, "Coffee", "check-in", "Coffee?", "{first_name}?"
    )
    with pytest.raises(ValueError, match="already a template named “check-in”"):
        templates.save(TemplateRow(new_id, "check-in"))
    with pytest.raises(ValueError, match="needs a name"):
        templates.save(TemplateRow(None, " "))
    templates.delete(new_id)
    assert [t.name for t in templates.list()][-1] == "Introduce two people (double opt-in)"
