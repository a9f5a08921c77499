"""Date and time fields of a figure: what a date or time figure says, as written and resolved.

Kept apart from models.py (which re-exports it) so that the date rules and the result types
of the other dimensions change in separate files.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DatePrecision = Literal[
    "year",
    "half",
    "quarter",
    "month",
    "part_of_month",
    "day",
    "decade",
    "hour",
    "minute",
    "week",
    "part_of_year",
    "part_of_decade",
    "part_of_day",
    "season",
    "century",
    "part_of_century",
    "part_of_week",
]

DayPart = Literal["dawn", "morning", "am", "daytime", "noon", "pm", "evening", "night", "midnight"]
"""새벽, 아침, 오전, 낮, 정오, 오후, 저녁, 밤, 자정 (see docs/dates.md)."""


class DateInfo(BaseModel):
    """Structured fields of a date or time figure (rules in docs/dates.md).

    The calendar fields are **as written** (``오후 3시`` → hour 15; ``올해`` → no year but
    relative ``this``, offset 0 year), so the same text gives the same fields whatever the
    article's date. ``resolved`` (one day) or ``resolved_start``/``resolved_end`` (a period) are
    set only when the text alone or the text plus the reference date pins the date down;
    nothing is guessed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int | None = Field(default=None, ge=1, le=9999, description="Four digits: '26년 → 2026.")
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(
        default=None, ge=1, le=31, description="As written; 2월 30일 is kept, not resolved."
    )
    quarter: int | None = Field(default=None, ge=1, le=4)
    half: int | None = Field(default=None, ge=1, le=2, description="상반기 → 1, 하반기 → 2.")
    part: Literal["early", "mid", "late"] | None = Field(
        default=None,
        description="초/중순/말 of the month, year or decade the precision names; late of a "
        "week is its weekend (이번 주말).",
    )
    decade: int | None = Field(default=None, ge=0, le=9990, description="2020년대 → 2020.")
    century: int | None = Field(default=None, ge=1, le=99, description="21세기 → 21.")
    season: Literal["spring", "summer", "autumn", "winter"] | None = Field(
        default=None, description="봄, 여름, 가을, 겨울 (March–May … December–February)."
    )
    school_year: bool | None = Field(
        default=None,
        description="True for 학년도: the year runs from March to the next February.",
    )
    hour: int | None = Field(
        default=None, ge=0, le=24, description="0–23 with its part of day; a bare 24시 stays 24."
    )
    minute: int | None = Field(default=None, ge=0, le=59)
    weekday: int | None = Field(
        default=None, ge=0, le=6, description="0 = Monday, as written in the text."
    )
    relative: Literal["last", "this", "next", "ago", "later"] | None = Field(
        default=None,
        description="The relative cue: last (지난, 지난해, 어제), this (올해, 이날), "
        "next (오는, 내년, 내일), ago (N… 전), later (N… 후/뒤).",
    )
    offset: int | None = Field(
        default=None,
        description="Signed count of offset_unit from the reference date (지난해 → -1 year, "
        "3일 전 → -3 day), in the smallest unit written (3년 6개월 전, 1년 반 전 → -42, -18 "
        "month); None when the cue names a day instead (지난 3일).",
    )
    offset_unit: Literal["minute", "hour", "day", "week", "month", "year"] | None = Field(
        default=None,
        description="The unit of offset; minute and hour (3시간 전, 30분 뒤) are never resolved "
        "to a day, as the reference date has no time of day.",
    )
    anchor: Literal["text", "period", "event"] | None = Field(
        default=None,
        description="text: the offset counts from the day or year the article named last "
        "before it (이날, 전날, 이듬해, 그해), not from the reference date; period: the "
        "period the article named last, moved by the offset (지난해 같은 기간, 전년 동기, "
        "전 분기, 전월); event: the offset counts from the event the noun before it names "
        "(투표 3일 전, 경기 시작 1시간 전), which the text does not date: never resolved "
        "(docs/dates.md).",
    )
    day_part: DayPart | None = None
    nth: int | None = Field(
        default=None,
        ge=-1,
        le=5,
        description="The Nth such weekday of the month (5월 둘째 주 일요일 → 2; 마지막 → -1).",
    )
    recurring: bool | None = Field(
        default=None,
        description="True when the text names a rule, not one date (매달 셋째 주 수요일): "
        "never resolved.",
    )
    holiday: str | None = Field(
        default=None,
        description="A named day, by its canonical name (추석, 설날, 어린이날: "
        "data/dates/holidays.tsv); its year as written or from the reference date.",
    )
    holiday_break: bool | None = Field(
        default=None,
        description="True for 연휴: the days off around the holiday (추석 연휴: the day before "
        "to the day after), resolved as a period.",
    )
    time_zone: str | None = Field(
        default=None,
        description="The time zone the text names for it (22일(현지시간), 한국시간 23일), as "
        "one canonical phrase: 현지시간, 한국시간, 미국 동부시간 … (docs/dates.md).",
    )
    precision: DatePrecision | None = Field(
        default=None, description="The finest unit written (docs/dates.md)."
    )
    end: DateInfo | None = Field(
        default=None, description="The end of a range, as written (its fields only)."
    )
    resolved: datetime.date | None = Field(
        default=None, description="The calendar day, for a day, part of day, hour or minute."
    )
    resolved_start: datetime.date | None = Field(
        default=None, description="First day of a period or range."
    )
    resolved_end: datetime.date | None = Field(
        default=None, description="Last day of a period or range (inclusive)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> DateInfo:
        """One shape per meaning: an offset has a unit, a day is not also a period."""
        if (self.offset is None) != (self.offset_unit is None):
            raise ValueError("offset and offset_unit go together")
        if self.decade is not None and self.decade % 10:
            raise ValueError("a decade is a multiple of 10")
        if (self.resolved_start is None) != (self.resolved_end is None):
            raise ValueError("resolved_start and resolved_end go together")
        if self.resolved is not None and self.resolved_start is not None:
            raise ValueError("resolved (one day) excludes resolved_start/resolved_end")
        if self.end is not None and self.end.offset_unit not in (None, self.offset_unit):
            raise ValueError("a range of offsets counts both ends in the same unit")
        start, end = self.resolved_start, self.resolved_end
        if start is not None and end is not None and start > end:
            raise ValueError("resolved_start must not follow resolved_end")
        return self
