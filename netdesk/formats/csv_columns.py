"""CSV rows (header name → cell) → ContactDraft, one function per flavour.

Google writes several values in one cell separated by " ::: " and marks the primary one's label
with "* "; numbered column groups ("E-mail 2 - Value") are matched by pattern, so any count works.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.profiles import profile_service
from netdesk.formats.text import stored_text

MULTI = " ::: "
_GROUP = re.compile(r"^(E-mail|Phone|Website|Address) (\d+) - (.+)$")
_GROUP_KINDS = {"E-mail": "email", "Phone": "phone", "Website": "url", "Address": "address"}
_ADR_FIELDS = ("PO Box", "Extended Address", "Street", "City", "Region", "Postal Code", "Country")
_CUSTOM = re.compile(r"^Custom Field (\d+) - Label$")
UID_LABEL = "NetDesk UID"
"""The custom field label NetDesk's CSV export gives a contact's UID."""
_SYSTEM_GROUPS = {"myContacts", "starred"}
_KNOWN_LABELS = {"home", "work", "mobile", "other", "main", "fax", "pager", "work fax", "home fax"}
_DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y")


def parse_csv_date(text: str) -> date | None:
    """A date as LinkedIn, Google or Outlook write it ("12 Mar 2024", "2024-03-12"), or None."""
    text = text.strip()
    if text.startswith("--") and len(text) == 7:
        text = f"1604-{text[2:]}"
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula (tab and CR: OWASP's list)."""


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: `'` before a formula-like start.

    Apostrophes already there count as part of the start (`'=x` becomes `''=x`), so that
    `unneutralise` can take exactly one away and give back what was written.
    """
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    """A cell without the `'` that `neutralise` put before it (other cells as they are)."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def clean(cell: str | None) -> str:
    """A one-line field's cell: without the `'` a writer added, as the store keeps text."""
    return stored_text(unneutralise(cell or ""))


def text_cell(row: dict[str, str], name: str) -> str:
    """A free-text cell (notes): its white space is the user's; only line breaks become LF."""
    return stored_text(unneutralise(row.get(name) or ""), one_line=False)


def _cell(row: dict[str, str], *names: str) -> str:
    for name in names:
        value = clean(row.get(name))
        if value:
            return value
    return ""


def _url_method(value: str, label: str = "") -> MethodDraft:
    """A link, or a profile: a known network's URL, or a chat address (`xmpp:…`, whose label
    names its service, as the writer puts it; a profile has no label of its own)."""
    service = profile_service(value)
    scheme, colon, _ = value.partition(":")
    if not service and colon and scheme.isalpha() and scheme.lower() not in ("http", "https"):
        service = label or scheme.lower()
    if service:
        return MethodDraft("profile", value, service=service)
    return MethodDraft("url", value, label)


def linkedin_row(row: dict[str, str]) -> ContactDraft:
    """A LinkedIn Connections.csv row."""
    draft = ContactDraft(
        given_name=_cell(row, "First Name"),
        family_name=_cell(row, "Last Name"),
        organisation=_cell(row, "Company"),
        title=_cell(row, "Position"),
        connected_on=parse_csv_date(_cell(row, "Connected On")),
    )
    if email := _cell(row, "Email Address"):
        draft.methods.append(MethodDraft("email", email))
    if url := _cell(row, "URL", "Profile URL"):
        draft.methods.append(MethodDraft("profile", url, service="linkedin"))
    return draft


def google_row(row: dict[str, str]) -> ContactDraft:
    """A Google Contacts CSV row (current or legacy header)."""
    draft = ContactDraft(
        display_name=_cell(row, "Name", "File As"),
        given_name=_cell(row, "First Name", "Given Name"),
        additional_names=_cell(row, "Middle Name", "Additional Name"),
        family_name=_cell(row, "Last Name", "Family Name"),
        prefix=_cell(row, "Name Prefix"),
        suffix=_cell(row, "Name Suffix"),
        nickname=_cell(row, "Nickname"),
        organisation=_cell(row, "Organization Name", "Organization 1 - Name"),
        title=_cell(row, "Organization Title", "Organization 1 - Title"),
        department=_cell(row, "Organization Department", "Organization 1 - Department"),
        birthday=parse_csv_date(_cell(row, "Birthday")),
        notes=text_cell(row, "Notes"),
    )
    draft.tags = _tags(row)
    draft.uid = _custom_field(row, UID_LABEL)
    if photo := _cell(row, "Photo"):
        draft.photo_url = photo
    groups: dict[tuple[str, int], dict[str, str]] = {}
    for header, value in row.items():
        match = _GROUP.match(header or "")
        if match and clean(value):
            kind, number, field_name = match.groups()
            groups.setdefault((kind, int(number)), {})[field_name] = clean(value)
    for (kind, _), fields in sorted(groups.items(), key=lambda item: item[0][1]):
        draft.methods.extend(_group_methods(_GROUP_KINDS[kind], fields))
    return draft


def _custom_field(row: dict[str, str], label: str) -> str:
    """The value of the "Custom Field N" whose label is `label`, or ""."""
    for header, cell in row.items():
        match = _CUSTOM.match(header or "")
        if match and clean(cell) == label:
            return clean(row.get(f"Custom Field {match.group(1)} - Value"))
    return ""


def _tags(row: dict[str, str]) -> list[str]:
    """The labels cell's tags, split before each is cleaned: a tag that cleaning empties (a lone
    NUL) would otherwise leave its separator's colons on the tag before it."""
    cells = (row.get(name) or "" for name in ("Labels", "Group Membership"))
    labels = next((cell for cell in cells if clean(cell)), "")
    return [tag for t in unneutralise(labels).split(MULTI) if (tag := _tag(stored_text(t)))]


def _tag(label: str) -> str:
    """A Google label as a tag: "" for Google's own groups, which it marks with "* "."""
    if label.startswith("* ") and label[2:] in _SYSTEM_GROUPS:
        return ""
    return label.removeprefix("* ")


def _group_methods(kind: str, fields: dict[str, str]) -> list[MethodDraft]:
    label = fields.get("Label") or fields.get("Type") or ""
    preferred = label == "*" or label.startswith("* ")  # Google's mark of the primary one
    label = label[2:] if preferred else label
    label = label.lower() if label.lower() in _KNOWN_LABELS else label  # Google's "Mobile"
    if kind == "address":
        parts = tuple(fields.get(name, "") for name in _ADR_FIELDS)
        formatted = fields.get("Formatted") or ", ".join(p for p in parts if p)
        if not formatted:
            return []
        return [MethodDraft("address", formatted.replace("\n", ", "), label, parts=parts)]
    methods = []
    for index, value in enumerate(v.strip() for v in fields.get("Value", "").split(MULTI)):
        if not value:
            continue
        method = _url_method(value, label) if kind == "url" else MethodDraft(kind, value, label)
        method.preferred = preferred and index == 0
        methods.append(method)
    return methods


_OUTLOOK_EMAILS = (
    "E-mail Address",
    "E-mail 2 Address",
    "E-mail 3 Address",
    "Primary Email",
    "Secondary Email",
)
_OUTLOOK_PHONES = {
    "Mobile Phone": "mobile",
    "Mobile Number": "mobile",
    "Primary Phone": "",
    "Home Phone": "home",
    "Home Phone 2": "home",
    "Business Phone": "work",
    "Business Phone 2": "work",
    "Work Phone": "work",
    "Other Phone": "other",
    "Business Fax": "fax",
    "Fax Number": "fax",
    "Pager": "pager",
    "Pager Number": "pager",
}
_OUTLOOK_ADDRESSES = {"Home": "home", "Business": "work", "Work": "work", "Other": "other"}


def outlook_row(row: dict[str, str]) -> ContactDraft:
    """An Outlook or Thunderbird address-book CSV row."""
    draft = ContactDraft(
        display_name=_cell(row, "Display Name"),
        given_name=_cell(row, "First Name"),
        additional_names=_cell(row, "Middle Name"),
        family_name=_cell(row, "Last Name"),
        prefix=_cell(row, "Title"),
        suffix=_cell(row, "Suffix"),
        nickname=_cell(row, "Nickname"),
        organisation=_cell(row, "Company", "Organization"),
        department=_cell(row, "Department"),
        title=_cell(row, "Job Title"),
        birthday=parse_csv_date(_cell(row, "Birthday")),
        notes=text_cell(row, "Notes"),
    )
    draft.methods += [MethodDraft("email", v) for n in _OUTLOOK_EMAILS if (v := _cell(row, n))]
    draft.methods += [
        MethodDraft("phone", clean(row[name]), label)
        for name, label in _OUTLOOK_PHONES.items()
        if clean(row.get(name))
    ]
    for prefix, label in _OUTLOOK_ADDRESSES.items():
        street = _cell(row, f"{prefix} Street", f"{prefix} Address")
        parts = (
            "",
            "",
            street,
            _cell(row, f"{prefix} City"),
            _cell(row, f"{prefix} State"),
            _cell(row, f"{prefix} Postal Code", f"{prefix} ZipCode"),
            _cell(row, f"{prefix} Country", f"{prefix} Country/Region"),
        )
        if any(parts):
            draft.methods.append(
                MethodDraft("address", ", ".join(p for p in parts if p), label, parts=parts)
            )
    draft.methods += [_url_method(v) for n in ("Web Page", "Web Page 1") if (v := _cell(row, n))]
    return draft
