"""Links out of the platform: a map of the interview's place."""

from urllib.parse import urlencode

from chengnuan.applications.models import Interview


def map_link(interview: Interview) -> str:
    """Amap's marker page for an in-person interview with coordinates ('' without): it opens
    in any phone browser, or in the Amap app where one is installed. Posting coordinates are
    GCJ-02 (Amap's own) unless stored as WGS-84."""
    if interview.lng is None or interview.lat is None:
        return ""
    query = {
        "position": f"{interview.lng:.6f},{interview.lat:.6f}",
        "name": interview.place or "面试地点",
        "coordinate": "wgs84" if interview.coord_system == "wgs84" else "gaode",
        "src": "chengnuan",
        "callnative": "0",
    }
    return f"https://uri.amap.com/marker?{urlencode(query)}"
