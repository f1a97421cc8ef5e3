"""The statutory age limits behind the PA age bands, as read from a year's rate file.

Which minimum wage rate applies, who gets 0% employer NI and who must be enrolled in a
pension all turn on ages (16, 18 and 21 for the minimum wage; under 21, and apprentices
under 25, for employer NI; 22 to State Pension age for automatic enrolment). Those ages
are law that can change, so they live in ``rates/YYYY-YY.yaml`` with sources like every
other figure; this module only knows their names and the order the age bands need.
It imports nothing from the rest of the package, so the loader and the model can both use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass
from itertools import pairwise

#: The oldest age accepted; anything above is surely a typing slip, and no limit can be this high.
MAX_AGE = 100

#: Age limits for the minimum wage, read from the wage year (rates change on 1 April).
WAGE_AGE_FIGURES = ("nmw_16_17_from_age", "nmw_18_20_from_age", "national_living_wage_from_age")
#: Age limits for employer NI and pensions, read from the tax year (from 6 April).
TAX_AGE_FIGURES = (
    "employer_ni_relief_under_age",
    "apprentice_ni_relief_under_age",
    "auto_enrolment_from_age",
)
AGE_FIGURES = WAGE_AGE_FIGURES + TAX_AGE_FIGURES

#: Where each of the five working-age bands starts, youngest first; the bands in
#: ``AgeBand`` follow this order, so the limits must rise strictly along it.
BAND_STARTS = (
    "nmw_16_17_from_age",
    "nmw_18_20_from_age",
    "national_living_wage_from_age",
    "auto_enrolment_from_age",
    "apprentice_ni_relief_under_age",
)

#: The age limit that says where each minimum wage rate starts.
RATE_FROM_AGE = {
    "nmw_16_17": "nmw_16_17_from_age",
    "nmw_18_20": "nmw_18_20_from_age",
    "national_living_wage": "national_living_wage_from_age",
}

_BANDS_FIX = (
    "check the figure against its source; if the law really changed, the age bands"
    " (AgeBand in assistant/money/model.py) and their wording need changing too."
)


@dataclass(frozen=True)
class AgeLimits:
    """One year's age limits, in whole years, checked to fit the age bands."""

    nmw_16_17_from: int
    nmw_18_20_from: int
    national_living_wage_from: int
    employer_ni_relief_under: int
    apprentice_ni_relief_under: int
    auto_enrolment_from: int

    @classmethod
    def from_values(cls, values: Mapping[str, int]) -> AgeLimits:
        """Build from figure name -> age; :func:`age_problem` should have passed first."""
        return cls(*(values[name] for name in AGE_FIGURES))

    @property
    def band_starts(self) -> tuple[int, ...]:
        """The first age of each working-age band, youngest band first."""
        values = self.as_values()
        return tuple(values[name] for name in BAND_STARTS)

    def as_values(self) -> dict[str, int]:
        """Figure name -> age, the form the rate files use."""
        return dict(zip(AGE_FIGURES, astuple(self), strict=True))


def age_problem(values: Mapping[str, int]) -> tuple[str, str, str] | None:
    """What is impossible about these limits, as (figure name, problem, fix), or None.

    Each band must start after the one before, and the employer NI relief must end where
    a band starts, so a band is wholly relieved or not at all.
    """
    for lower, higher in pairwise(BAND_STARTS):
        if values[higher] <= values[lower]:
            problem = (
                f"{higher} ({values[higher]}) must be above {lower} ({values[lower]}):"
                " each starts an age band, in that order."
            )
            return higher, problem, _BANDS_FIX
    starts = sorted({values[name] for name in BAND_STARTS})
    relief = values["employer_ni_relief_under_age"]
    if relief not in starts:
        problem = (
            f"employer_ni_relief_under_age ({relief}) is not an age where a band starts"
            f" ({', '.join(map(str, starts))}), so a band would be only partly relieved."
        )
        return "employer_ni_relief_under_age", problem, _BANDS_FIX
    return None
