#!/usr/bin/env python3
"""Derives the diary's table of emergency numbers (src/domain/emergency.rs) from libphonenumber's
ShortNumberMetadata.xml: every number that some territory's <emergency> pattern matches.

    python3 scripts/emergency-numbers.py path/to/ShortNumberMetadata.xml

Prints the Rust constant's text (numbers, shortest first) and, for docs/, a table of each
number with the territories (ISO 3166 codes) that use it. Not run by the build.
"""
import collections
import re
import sys
import xml.etree.ElementTree as ET


def lengths(spec):
    out = set()
    for part in spec.split(','):
        m = re.fullmatch(r'\[(\d+)-(\d+)\]', part)
        out |= set(range(int(m[1]), int(m[2]) + 1)) if m else {int(part)}
    return out


def main(path):
    users = collections.defaultdict(set)
    for territory in ET.parse(path).getroot().iter('territory'):
        emergency = territory.find('emergency')
        if emergency is None:
            continue
        pattern = re.compile(re.sub(r'\s+', '', emergency.find('nationalNumberPattern').text))
        for n in lengths(emergency.find('possibleLengths').get('national')):
            for i in range(10 ** n):
                number = str(i).zfill(n)
                if pattern.fullmatch(number):
                    users[number].add(territory.get('id'))
    numbers = sorted(users, key=lambda x: (len(x), x))
    print(' '.join(numbers))
    print()
    print('| number | territories |')
    print('|---|---|')
    for number in numbers:
        print(f"| {number} | {' '.join(sorted(users[number]))} |")


if __name__ == '__main__':
    main(sys.argv[1])
