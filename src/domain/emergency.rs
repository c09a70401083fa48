//! The emergency numbers the diary knows: a clinic's or patient's "emergency number" must be
//! one of them, so a typo, `00` or a link's `123456` never becomes the number a patient is
//! told to call in an emergency.
//!
//! Source: every number that a territory's `<emergency>` entry matches in
//! libphonenumber's `resources/ShortNumberMetadata.xml` (Google, Apache-2.0; commit
//! f7e3e88c92b905c8d6edb81f336dbe25edc05b52, July 2026), derived by
//! `scripts/emergency-numbers.py`, which also prints which territories use each number (the
//! table in `docs/`). That file is what Android and many dialers use to recognise an
//! emergency call; it follows the ITU's list of national emergency numbers.

/// The numbers, shortest first, separated by spaces (the smallest form for the first open).
const KNOWN: &str = "\
    01 02 03 13 14 15 16 17 18 19 90 91 92 93 94 000 001 002 003 011 019 022 033 050 060 065 \
    066 068 080 085 088 100 101 102 103 104 105 106 107 108 110 111 112 113 114 115 116 117 \
    118 119 120 122 123 124 125 127 128 129 130 131 132 133 140 144 150 151 152 153 154 155 \
    156 157 158 159 160 166 170 171 172 175 177 180 188 190 191 192 193 194 195 197 198 199 \
    211 311 333 355 511 555 666 819 888 901 902 903 911 912 913 917 919 922 933 939 955 977 \
    990 991 992 993 994 995 996 997 998 999 1122 1220 1298 1300 1301 1302 1303 1304 1305 \
    1306 1307 1308 1309 1310 1311 1312 1313 1314 1315 1316 1317 1318 1319 1320 1321 1322 \
    1323 1324 1325 1326 1327 1328 1329 1330 1331 1332 1333 1334 1335 1336 1337 1338 1339 \
    1340 1341 1342 1343 1344 1345 1346 1347 1348 1349 1350 1351 1352 1353 1354 1355 1356 \
    1357 1358 1359 1360 1361 1362 1363 1364 1365 1366 1367 1368 1369 1370 1371 1372 1373 \
    1374 1375 1376 1377 1378 1379 1380 1381 1382 1383 1384 1385 1386 1387 1388 1389 1390 \
    1391 1392 1393 1394 1395 1396 1397 1398 1399 1444 1669 1730 2611 9999 10111 10177 90000 \
    124422 127799 201606 201917 202099 202914 320221 723141";

/// Whether `number` (digits only, as dialled) is an emergency number somewhere.
pub fn is_emergency_number(number: &str) -> bool {
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && KNOWN.split(' ').any(|n| n == number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_numbers_of_the_world_and_refuses_the_rest() {
        for known in [
            "911", "112", "999", "000", "111", "119", "110", "995", "190", "192", "193", "100",
            "101", "102", "108", "118", "060", "066", "15", "10111", "1122",
        ] {
            assert!(is_emergency_number(known), "{known}");
        }
        for unknown in [
            "", "0", "00", "0000", "123456", "911 ", "+911", "9 11", "1", "12", "411", "91l",
            "112112",
        ] {
            assert!(!is_emergency_number(unknown), "{unknown:?}");
        }
    }

    #[test]
    fn the_table_is_digits_shortest_first_without_repeats() {
        let numbers: Vec<&str> = KNOWN.split(' ').collect();
        assert!(numbers.len() > 200);
        assert!(numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
        let mut sorted = numbers.clone();
        sorted.sort_by_key(|n| (n.len(), *n));
        sorted.dedup();
        assert_eq!(sorted, numbers);
    }
}
