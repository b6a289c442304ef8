"""`ctgdocs serve`: a local web app over a data folder and the ordinary pipeline (issue 21).

Server-rendered pages (Starlette and Jinja, no JavaScript build step), in French. Safe by
default: it listens on 127.0.0.1; on any other address it asks for a token; forms carry a CSRF
token; requests are bounded; nothing outside the output folder is served (`fichiers`)."""
