"""A Pelican generator that writes the month pages and the audience pages (context['event_pages'])."""

from __future__ import annotations

from pelican.generators import Generator

MONTH_TEMPLATE = "bulan"
AUDIENCE_TEMPLATE = "untuk"


class EventPagesGenerator(Generator):
    """Writes /<kind>/bulan/<yyyy-mm>/ and /<kind>/untuk/<audience>/ for kinds listed by schedule."""

    def generate_output(self, writer) -> None:
        site = self.settings["SITENAME"]
        for listing in self.context.get("event_pages", {}).values():
            kind = listing.kind
            for month in listing.months:
                previous_month, next_month = listing.neighbours(month)
                self._write(
                    writer,
                    MONTH_TEMPLATE,
                    month.url,
                    listing=listing,
                    month=month,
                    previous_month=previous_month,
                    next_month=next_month,
                    meta_title=f"{kind.label} {month.label}",
                    meta_description=f"Jadwal {kind.label.lower()} {site} pada {month.label}, per tanggal.",
                )
            for page in listing.audiences:
                label = page.audience.label
                self._write(
                    writer,
                    AUDIENCE_TEMPLATE,
                    page.url,
                    listing=listing,
                    audience_page=page,
                    meta_title=f"{kind.label} untuk {label}",
                    meta_description=f"{kind.label} {site} untuk {label.lower()}: yang akan datang "
                    "dan yang sudah berlalu.",
                )

    def _write(self, writer, template: str, url: str, **values) -> None:
        writer.write_file(
            f"{url}index.html",
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            **values,
        )
