"""Every corpus file, card by card: how many cards are read, how many contacts importing the file
alone into an empty database creates, how many cards fail and how many import with a warning.

One card lost (or gained) anywhere changes a number here. Reading is strict: an exception the
readers did not foresee fails the test instead of becoming a card's error. When a change alters
a number on purpose (a salvaged card, a new identity rule), change the table with it and say
why in the commit. Files only in ../shared/corpus/ skip where that folder is absent.
"""

from __future__ import annotations

import pytest

from netdesk.formats.surprises import strict
from tests.corpus_files import COMMITTED, corpus_file, read_corpus_file, shared_dir

# file: (read, created, failed, warned)
TABLE = {
    "CyanogenMod__android_frameworks_opt_vcard__v21_backslash.vcf": (1, 1, 0, 0),
    "CyanogenMod__android_frameworks_opt_vcard__v21_invalid_comment_line.vcf": (1, 1, 0, 0),
    "CyanogenMod__android_frameworks_opt_vcard__v21_invalid_multiple_line.vcf": (1, 1, 0, 0),
    "CyanogenMod__android_frameworks_opt_vcard__v21_malformed_photo.vcf": (1, 1, 0, 1),
    "CyanogenMod__android_frameworks_opt_vcard__v21_multiple_entry.vcf": (3, 3, 0, 0),
    "CyanogenMod__android_frameworks_opt_vcard__v30_comma_separated.vcf": (1, 1, 0, 0),
    "CyanogenMod__android_frameworks_opt_vcard__v30_ios_613_multiline.vcf": (1, 1, 0, 0),
    "FolkerKinzel__VCards__AnsiFilterExamples_Ukrainian.vcf": (1, 1, 0, 0),
    "FolkerKinzel__VCards__Hebrew.vcf": (1, 1, 0, 0),
    "FolkerKinzel__VCards__LargeFile.vcf": (1000, 1000, 0, 0),
    "FolkerKinzel__VCards__v4.vcf": (2, 2, 0, 0),
    "GNOME__evolution-data-server__13.vcf": (1, 1, 0, 0),
    "GNOME__evolution-data-server__9.vcf": (1, 1, 0, 1),
    "KDE__kcontacts__vcard7.vcf": (0, 0, 1, 0),
    "KDE__kcontacts__vcard9.vcf": (1, 1, 0, 0),
    "Kozea__Radicale__broken-vcard.vcf": (1, 1, 0, 0),
    "Kozea__Radicale__contact_photo_with_data_uri.vcf": (1, 1, 0, 0),
    "Remulous__constellation__google_contacts.csv": (2, 2, 0, 0),
    "Remulous__constellation__linkedin_connections.csv": (2, 2, 0, 0),
    "bitfireAT__vcard4android__strange-rev.vcf": (1, 1, 0, 0),
    "ical4j__ical4j-vcard__vcard-vCards-SAP.vcf": (30, 30, 0, 0),
    "jeroendesloovere__vcard__invalid_encoding.vcf": (1, 1, 0, 0),
    "jhermsmeier__node-vcf__photo-base64.vcf": (0, 0, 1, 0),
    "jhermsmeier__node-vcf__quoted-list.vcf": (1, 1, 0, 0),
    "jhermsmeier__node-vcf__xing.vcf": (1, 1, 0, 0),
    "l0b0__vcard__continuation_at_start.vcf": (1, 1, 0, 0),
    "l0b0__vcard__mismatch_group.vcf": (1, 1, 0, 0),
    "labeldekho__linkedin-network-intelligence__Connections.csv": (10, 10, 0, 0),
    "lucc__khard__altid.vcf": (1, 1, 0, 0),
    "mangstadt__ez-vcard__John_Doe_ANDROID.vcf": (6, 6, 0, 1),
    "mangstadt__ez-vcard__John_Doe_IPHONE.vcf": (1, 1, 0, 0),
    "mangstadt__ez-vcard__outlook-2007.vcf": (1, 1, 0, 0),
    "mangstadt__ez-vcard__rfc6350-example.vcf": (1, 1, 0, 0),
    "mangstadt__ez-vcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf": (1, 1, 0, 0),
    "mozilla__releases-comm-central__emptylines_vcard_addressbook.vcf": (2, 2, 0, 0),
    "mozilla__releases-comm-central__utf16_addressbook.csv": (1, 1, 0, 0),
    "mtrazzi__gmail-to-google-contacts__google_contacts.csv": (3, 3, 0, 0),
    "qt__qtpim__Entourage11-nonascii.vcf": (1, 1, 0, 0),
    "qt__qtpim__gmail.vcf": (2, 1, 0, 0),
    "stalwartlabs__calcard__rfc.vcf": (9, 7, 0, 1),
}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_corpus_file_gives_its_cards(name: str, services) -> None:
    path = corpus_file(name)
    with strict():
        result = read_corpus_file(path)
    for problem in result.errors + result.warnings:
        assert problem.file == str(path) and problem.reason
    report = services.importing.apply(services.importing.plan([path]))
    counts = (len(result.drafts), report.created, len(result.errors), len(result.warnings))
    assert counts == TABLE[name]


def test_the_table_names_every_corpus_file() -> None:
    committed = {p.name for p in COMMITTED.iterdir() if p.suffix in (".vcf", ".csv")}
    assert len(committed) == 25 and committed <= set(TABLE)
    shared = shared_dir()
    if shared is not None:
        assert {p.name for p in shared.iterdir() if p.suffix in (".vcf", ".csv")} == set(TABLE)
