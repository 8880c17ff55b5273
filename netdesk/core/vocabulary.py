"""The words NetDesk offers for kinds of things: circles, channels, event kinds, reasons.

Core checks values against them and the UI lists them in its menus; the store keeps plain text,
so a new word needs no schema change.
"""

from __future__ import annotations

CIRCLES = (
    "colleague",
    "classmate",
    "former supervisor",
    "mentor",
    "mentee",
    "peer",
    "recruiter",
    "industry leader",
    "friend",
    "acquaintance",
)
SOURCES = ("manual", "vcard", "linkedin", "google", "outlook", "capture")
EVENT_KINDS = ("conference", "meetup", "workshop", "webinar", "career fair", "social", "other")
EVENT_STATUSES = ("considering", "registered", "attended", "skipped")
EVENT_ROLES = ("speaker", "attendee", "organiser")
CHANNELS = (
    "in person",
    "email",
    "call",
    "message",
    "coffee",
    "event",
    "connected",
    "job change",
)
RECORDED_CHANNELS = ("connected", "job change")
"""Channels the importer writes, never chosen when logging by hand."""
DIRECTIONS = ("gave", "received", "neutral")
GIVE_KINDS = (
    "introduction",
    "referral",
    "job lead",
    "article or resource",
    "advice",
    "feedback",
    "help",
    "congratulation",
)
"""What a give or a receive was (an interaction's `give_kind`; "" when it was neither)."""
FOLLOWUP_REASONS = (
    "after meeting",
    "check-in",
    "congratulate",
    "share article",
    "thank",
    "introduce",
    "next step",
    "other",
)
FOLLOWUP_STATUSES = ("open", "done", "snoozed", "dismissed")
OPPORTUNITY_STAGES = (
    "heard",
    "researching",
    "asked for referral",
    "referred",
    "applied",
    "interviewing",
    "offer",
    "accepted",
    "declined",
    "closed",
)
"""An opportunity's stages in board order; the last three end it."""
OPPORTUNITY_ROLES = ("told me", "could refer me", "referred me", "interviews me")
"""What a person is to an opportunity."""
