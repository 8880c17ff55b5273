"""The SQLite store: Peewee models, opening the file, migrations, backups. No Qt."""
