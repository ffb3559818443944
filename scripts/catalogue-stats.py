#!/usr/bin/env python3
"""Figures about a catalogue file, for issue notes and reviews.

    scripts/catalogue-stats.py [PATH] [--today YYYY-MM-DD]

PATH defaults to catalogue/initiatives.json. Prints:
  - entries by kind and status;
  - `offer` entries with a contact point in or for the region (n/N);
  - municipalities with a youth-effort (KUI) contact point (n/19);
  - sources by web domain;
  - contact points whose newest dated page is over three years old.

A "contact point" is a contact with a switchboard or service phone, a shared
mailbox, a visiting address, opening hours (`note`) or a sign-up or referral
page (`url`) — the issue's list. It is "in or for the region" when it names
municipalities of the region, or when the entry itself is offered in named
municipalities or the whole region (a national body's page, such as STAR's,
does not count for a national entry). The figures with a phone, e-mail or
address only are printed beside. A youth-effort contact point is one on the
entry `kui` (or any entry whose id starts with `kui-`) that names the
municipality. The staleness rule is the app's (src/catalogue/contacts.rs):
the sources on the contact's own web host, else all web sources; a partial
date counts as the last day of its period.
"""

import argparse
import calendar
import collections
import datetime
import json
import sys
from urllib.parse import urlparse


def partial_date(text):
    """YYYY, YYYY-MM or YYYY-MM-DD as the last day of its period, or None."""
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return datetime.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return datetime.date(parts[0], parts[1], last)
        return datetime.date(*parts)
    except (ValueError, TypeError):
        return None


def host(url):
    name = urlparse(url).hostname or ""
    return name[4:] if name.startswith("www.") else name


def reachable(contact):
    return any(contact.get(k) for k in ("phone", "email", "address"))


def contact_point(contact):
    return reachable(contact) or any(contact.get(k) for k in ("url", "note"))


def in_region(entry, contact, municipalities):
    named = contact.get("municipalities") or []
    if named:
        return any(m in municipalities for m in named)
    return entry["area"]["scope"] in ("municipalities", "region")


def newest_source(entry, contact):
    web = [s for s in entry.get("sources", []) if s.get("url")]
    own = host(contact["url"]) if contact.get("url") else None
    same = [s for s in web if own and host(s["url"]) == own]
    dates = [partial_date(s["date"]) for s in (same or web) if s.get("date")]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="catalogue/initiatives.json")
    parser.add_argument("--today", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    today = datetime.date.fromisoformat(args.today)
    limit = today.replace(year=today.year - 3) if not (today.month == 2 and today.day == 29) \
        else today.replace(year=today.year - 3, day=28)
    with open(args.path, encoding="utf-8") as f:
        cat = json.load(f)
    entries = cat["initiatives"]
    municipalities = [m["id"] for m in cat["vocabularies"]["municipalities"]]

    print(f"{args.path}: {len(entries)} entries (today {today})\n")
    print("Entries by kind and status:")
    table = collections.Counter((e.get("kind", "offer"), e["status"]) for e in entries)
    statuses = ["active", "unconfirmed", "pilot", "proposed", "inspiration", "ended"]
    kinds = ["offer", "professional", "funding", "policy"]
    print(f"  {'':<13}" + "".join(f"{s:>12}" for s in statuses) + f"{'total':>8}")
    for kind in kinds:
        row = [table[(kind, s)] for s in statuses]
        print(f"  {kind:<13}" + "".join(f"{n:>12}" for n in row) + f"{sum(row):>8}")
    totals = [sum(table[(k, s)] for k in kinds) for s in statuses]
    print(f"  {'total':<13}" + "".join(f"{n:>12}" for n in totals) + f"{sum(totals):>8}\n")

    offers = [e for e in entries if e.get("kind", "offer") == "offer"]
    for label, test in (("a contact point", contact_point),
                        ("a phone, e-mail or address", reachable)):
        having = [
            e for e in offers
            if any(test(c) and in_region(e, c, municipalities) for c in e.get("contacts", []))
        ]
        share = 100 * len(having) / len(offers) if offers else 0
        print(f"Offer entries with {label} in or for the region: "
              f"{len(having)}/{len(offers)} ({share:.0f} %)")
        missing = sorted(e["id"] for e in offers if e not in having)
        if missing:
            print("  without: " + ", ".join(missing))

    for label, test in (("a contact point", contact_point),
                        ("a phone, e-mail or address", reachable)):
        youth = set()
        for e in entries:
            if e["id"] == "kui" or e["id"].startswith("kui-"):
                for c in e.get("contacts", []):
                    if test(c):
                        youth.update(c.get("municipalities", []))
        have = [m for m in municipalities if m in youth]
        print(f"\nMunicipalities with a youth-effort (KUI) contact point with {label}: "
              f"{len(have)}/{len(municipalities)}")
        lacking = [m for m in municipalities if m not in youth]
        if lacking:
            print("  without: " + ", ".join(lacking))

    domains = collections.Counter()
    papers = 0
    for e in entries:
        for s in e.get("sources", []):
            if s.get("url"):
                domains[host(s["url"])] += 1
            else:
                papers += 1
    print(f"\nSources by domain ({sum(domains.values())} web, {papers} papers without a URL):")
    for domain, n in sorted(domains.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:>4}  {domain}")

    old = []
    for e in entries:
        for i, c in enumerate(e.get("contacts", [])):
            if reachable(c):
                newest = newest_source(e, c)
                if newest and newest < limit:
                    old.append((e["id"], i, c["organisation"], newest.year))
    print(f"\nContact points whose newest source is over three years old: {len(old)}")
    for entry_id, i, org, year in old:
        print(f"  {entry_id} contacts[{i}] {org} (kilde fra {year})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
