"""Phone numbers typed without a country code match in E.164 read in the region chosen in
Contact settings (else the locale's); without a region no country is guessed. Regions are
passed explicitly: tests run in the C locale, which names none."""

from __future__ import annotations

import locale

from netdesk.core import phones
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact, ContactMethod


def _card(name: str, phone: str) -> bytes:
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nTEL:{phone}\nEND:VCARD\n".encode()


def test_national_numbers_are_e164_in_their_region_and_have_none_without_one() -> None:
    assert phones.normalise("(415) 555-0100", "US") == "+14155550100"
    assert phones.normalise("030 1234567", "DE") == "+49301234567"
    assert phones.normalise("06 12 34 56 78", "FR") == "+33612345678"
    assert phones.default_region() == "", "the C locale names no region"
    assert phones.normalise("(415) 555-0100") == ""
    assert phones.normalise("030 1234567") == ""
    assert phones.normalise("+49 30 1234567") == "+49301234567", "a country code needs none"
    phones.use_region("DE")
    assert phones.normalise("030 1234567") == "+49301234567"
    assert phones.validation_error("030 901820") == ""
    phones.use_region("")
    assert phones.validation_error("030 901820") == (
        "Write it with its country code (+…), or choose your region in Contact settings."
    )


def test_the_locale_gives_the_region_when_none_is_chosen(monkeypatch) -> None:
    monkeypatch.setattr(locale, "setlocale", lambda category, value=None: "en_GB.UTF-8")
    assert phones.matching_region() == "GB"
    assert phones.normalise("020 7946 0000") == "+442079460000"
    phones.use_region("US")
    assert phones.matching_region() == "US"


def test_import_matches_a_national_number_only_in_a_known_region(services) -> None:
    stored = services.contacts.create(
        ContactDraft(given_name="Max", methods=[MethodDraft("phone", "+49 30 1234567")])
    )
    plan = services.importing.plan_data(_card("Max M.", "030 1234567"), "a.vcf")
    assert (len(plan.new), plan.matches) == (1, []), "no region: no country guessed"
    phones.use_region("DE")
    plan = services.importing.plan_data(_card("Max M.", "030 1234567"), "a.vcf")
    (card,) = plan.matches
    assert (card.match_id, card.reason) == (stored, "same phone 030 1234567")


def test_numbers_of_two_countries_written_alike_are_not_merged_without_a_region(services) -> None:
    """A French "06 12 34 56 78" and a Dutch "06-12345678" were one "+10612345678" when every
    number was read as a US one."""
    data = _card("Amélie Roux", "06 12 34 56 78") + _card("Daan de Vries", "06-12345678")
    plan = services.importing.plan_data(data, "a.vcf")
    assert (len(plan.new), plan.combined) == (2, 0)


def test_stored_numbers_are_read_again_when_the_region_changes(services) -> None:
    services.contacts.create(
        ContactDraft(given_name="Max", methods=[MethodDraft("phone", "030 1234567")])
    )
    services.contacts.create(
        ContactDraft(given_name="Ann", methods=[MethodDraft("phone", "+44 20 7946 0000")])
    )
    assert [m.normalized for m in ContactMethod.select().order_by(ContactMethod.id)] == [
        "",
        "+442079460000",
    ]
    phones.use_region("DE")
    assert services.contacts.renormalize_phones() == 1
    assert [m.normalized for m in ContactMethod.select().order_by(ContactMethod.id)] == [
        "+49301234567",
        "+442079460000",
    ]
    plan = services.importing.plan_data(_card("Max", "+49 30 1234567"), "a.vcf")
    assert [c.match_name for c in plan.matches] == ["Max"]
    assert Contact.select().count() == 2


def test_the_regions_known_without_phonenumbers_are_its_regions() -> None:
    import phonenumbers

    assert phones.REGIONS == phonenumbers.SUPPORTED_REGIONS
    assert phones.is_region("GB") and not phones.is_region("Atlantis")
