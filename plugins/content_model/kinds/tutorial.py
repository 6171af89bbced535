"""Tutorials: step-by-step guides to the library's services, with steps, a video, or both."""

from __future__ import annotations

from ..fields import TextList, Url
from ..presentation import Action, Presentation, PresentContext, Section
from .base import COMMON_RULES, Field, Kind, common_fields, problem_on


def _has_steps_or_video(values, written):
    if not written & {"steps", "video_url"}:
        return problem_on(
            "steps",
            "tutorial tidak punya langkah maupun video.",
            "isi 'steps' dengan langkah-langkahnya, atau 'video_url' dengan tautan video, atau keduanya.",
        )
    return []


def present(fields: dict, ctx: PresentContext) -> Presentation:
    sections = (Section("Langkah-langkah", items=tuple(fields["steps"])),) if fields.get("steps") else ()
    actions = (
        (Action("Tonton video tutorial", fields["video_url"], after_body=True),)
        if fields.get("video_url")
        else ()
    )
    return Presentation(sections=sections, actions=actions)


KIND = Kind(
    slug="tutorial",
    label="Tutorial",
    description="Panduan langkah demi langkah memakai layanan dan sumber daya perpustakaan.",
    fields=common_fields()
    + (
        Field(
            "steps",
            TextList(),
            False,
            "langkah-langkah, satu butir per langkah (atau isi video_url)",
            aliases=("langkah",),
        ),
        Field(
            "video_url", Url(), False, "tautan video tutorial (opsional bila ada langkah)", aliases=("video",)
        ),
    ),
    rules=COMMON_RULES + (_has_steps_or_video,),
    present=present,
)
