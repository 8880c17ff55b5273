"""The message templates a database starts with (the Write dialog's choices).

They are rows, not code, so the user edits them and backups carry them; a schema step and a new
database write them once. Placeholders in braces are filled from the contact by
`netdesk.core.templates`; the ones it cannot fill (`{link}`, `{other_name}`) stay visible for the
user to replace.
"""

from __future__ import annotations

from peewee import Database

# (name, follow-up reason it answers, what sending it gives, subject, body)
DEFAULTS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Follow-up after meeting",
        "after meeting",
        "",
        "Great to meet you at {event}",
        "Hi {first_name},\n\nIt was great to meet you at {event}. I enjoyed our conversation "
        "and would be glad to stay in touch.\n\n{my_pitch}\n\nBest regards",
    ),
    (
        "Check-in",
        "check-in",
        "",
        "How are things at {company}?",
        "Hi {first_name},\n\nIt has been a while since we last spoke. How are things at "
        "{company}? I would love to hear what you are working on.\n\nBest regards",
    ),
    (
        "Congratulate",
        "congratulate",
        "congratulation",
        "Congratulations!",
        "Hi {first_name},\n\nCongratulations! I was really happy to hear the news. "
        "Wishing you all the best.\n\nBest regards",
    ),
    (
        "Thank you",
        "thank",
        "",
        "Thank you",
        "Hi {first_name},\n\nThank you for your help, it made a real difference. "
        "If I can ever return the favour, just let me know.\n\nBest regards",
    ),
    (
        "Share an article",
        "share article",
        "article or resource",
        "Thought you might like this",
        "Hi {first_name},\n\nI came across this and thought of you: {link}\n\nBest regards",
    ),
    (
        "Ask for an informational interview",
        "",
        "",
        "20 minutes of your advice?",
        "Hi {first_name},\n\n{my_pitch}\n\nI admire the work you do at {company} and would "
        "value 20 minutes of your advice. Would you have time for a short call in the next "
        "few weeks?\n\nBest regards",
    ),
    (
        "Ask for a referral",
        "",
        "",
        "A referral at {company}?",
        "Hi {first_name},\n\nI am applying for {role} at {company}. Would you be comfortable "
        "referring me, or telling me who I should talk to?\n\n{my_pitch}\n\nBest regards",
    ),
    (
        "Introduce two people (double opt-in)",
        "introduce",
        "introduction",
        "An introduction to {other_name}?",
        "Hi {first_name},\n\nI know {other_name}, who I think you would enjoy talking to. "
        "Would you like me to introduce you? If so, I will send a short note to both of "
        "you.\n\nBest regards",
    ),
)


def seed(database: Database) -> None:
    """Write the default templates into an empty `message_template` table (plain SQL, so a later
    change of the model does not change what this step wrote)."""
    if database.execute_sql("SELECT count(*) FROM message_template").fetchone()[0]:
        return
    database.cursor().executemany(
        "INSERT INTO message_template (name, reason, give_kind, subject, body, position, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, datetime('now'))",
        [(*row, position) for position, row in enumerate(DEFAULTS)],
    )
