"""axe-core (WCAG 2.2 AA, target-size on) on every kind of page, at 390 and 1280 px."""

from __future__ import annotations

import pytest

from sitekit import AXE_JS, PAGE_NAMES, WIDTHS, open_page, require_tool

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # target-size (WCAG 2.2, 2.5.8) is off by default in axe 4.x.
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def _describe(violation) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"]
    for node in violation["nodes"][:10]:
        summary = " ".join((node.get("failureSummary") or "").split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    if len(violation["nodes"]) > 10:
        lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_axe_violations(page, served_site, sample_pages, name, width):
    require_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(AXE_JS.parents[2])})")
    visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
    assert visit.status == visit.expected_status, f"{visit.url} answered {visit.status}"
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)

    ran = {
        rule["id"] for key in ("passes", "violations", "incomplete", "inapplicable") for rule in results[key]
    }
    assert "target-size" in ran, "axe did not run the target-size rule"
    violations = results["violations"]
    assert not violations, f"{visit.url} at {width} px: {len(violations)} axe violation(s):\n" + "\n".join(
        _describe(v) for v in violations
    )
