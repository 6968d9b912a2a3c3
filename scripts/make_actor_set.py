"""Write the project's actor-resolution test set (data/actors/actor_mentions.jsonl).

Each mention (written by the project) is placed in two sentence frames, as subject and as object,
with the date that makes dated leaders resolvable. Expected codes follow the PLOVER actor section:
ISO 3166 alpha-3 country (null for international organisations), sector code.

    .venv/bin/python scripts/make_actor_set.py
"""

from __future__ import annotations

import json
from pathlib import Path

# (mention, country or None, sector or None, article date)
MENTIONS: list[tuple[str, str | None, str | None, str]] = [
    # countries: short, official, local and historical names
    ("Turkey", "TUR", None, "2025-05-26"), ("Türkiye", "TUR", None, "2025-05-26"),
    ("Turkiye", "TUR", None, "2025-05-26"), ("Pakistan", "PAK", None, "2025-05-26"),
    ("India", "IND", None, "2025-05-26"), ("China", "CHN", None, "2025-05-26"),
    ("the People's Republic of China", "CHN", None, "2025-05-26"),
    ("Russia", "RUS", None, "2025-05-26"), ("the Russian Federation", "RUS", None, "2025-05-26"),
    ("Ukraine", "UKR", None, "2025-05-26"), ("Iran", "IRN", None, "2025-05-26"),
    ("Israel", "ISR", None, "2025-05-26"), ("the United States", "USA", None, "2025-05-26"),
    ("the US", "USA", None, "2025-05-26"), ("America", "USA", None, "2025-05-26"),
    ("Britain", "GBR", None, "2025-05-26"), ("the United Kingdom", "GBR", None, "2025-05-26"),
    ("Germany", "DEU", None, "2025-05-26"), ("France", "FRA", None, "2025-05-26"),
    ("Japan", "JPN", None, "2025-05-26"), ("South Korea", "KOR", None, "2025-05-26"),
    ("North Korea", "PRK", None, "2025-05-26"), ("Saudi Arabia", "SAU", None, "2025-05-26"),
    ("the UAE", "ARE", None, "2025-05-26"), ("Egypt", "EGY", None, "2025-05-26"),
    ("Ivory Coast", "CIV", None, "2025-05-26"), ("Côte d'Ivoire", "CIV", None, "2025-05-26"),
    ("the Democratic Republic of the Congo", "COD", None, "2025-05-26"),
    ("DR Congo", "COD", None, "2025-05-26"), ("Myanmar", "MMR", None, "2025-05-26"),
    ("Burma", "MMR", None, "2025-05-26"), ("Eswatini", "SWZ", None, "2025-05-26"),
    ("Swaziland", "SWZ", None, "2025-05-26"), ("Czechia", "CZE", None, "2025-05-26"),
    ("North Macedonia", "MKD", None, "2025-05-26"), ("Timor-Leste", "TLS", None, "2025-05-26"),
    ("East Timor", "TLS", None, "2025-05-26"), ("Cape Verde", "CPV", None, "2025-05-26"),
    ("South Sudan", "SSD", None, "2025-05-26"), ("Sudan", "SDN", None, "2025-05-26"),
    ("Palestine", "PSE", None, "2025-05-26"), ("Gaza", "PSE", None, "2025-05-26"),
    ("the West Bank", "PSE", None, "2025-05-26"), ("Kosovo", "XKX", None, "2025-05-26"),
    ("Taiwan", "TWN", None, "2025-05-26"), ("Venezuela", "VEN", None, "2025-05-26"),
    ("Brazil", "BRA", None, "2025-05-26"), ("Nigeria", "NGA", None, "2025-05-26"),
    ("Niger", "NER", None, "2025-05-26"), ("Kenya", "KEN", None, "2025-05-26"),
    ("Ethiopia", "ETH", None, "2025-05-26"), ("Afghanistan", "AFG", None, "2025-05-26"),
    ("Bangladesh", "BGD", None, "2025-05-26"), ("Indonesia", "IDN", None, "2025-05-26"),
    ("the Philippines", "PHL", None, "2025-05-26"), ("Vietnam", "VNM", None, "2025-05-26"),
    ("Mexico", "MEX", None, "2025-05-26"), ("Argentina", "ARG", None, "2025-05-26"),
    ("South Africa", "ZAF", None, "2025-05-26"), ("Australia", "AUS", None, "2025-05-26"),
    ("Canada", "CAN", None, "2025-05-26"), ("Italy", "ITA", None, "2025-05-26"),
    ("Syria", "SYR", None, "2025-05-26"), ("Iraq", "IRQ", None, "2025-05-26"),
    ("Lebanon", "LBN", None, "2025-05-26"), ("Yemen", "YEM", None, "2025-05-26"),
    ("Qatar", "QAT", None, "2025-05-26"), ("Azerbaijan", "AZE", None, "2025-05-26"),
    ("Armenia", "ARM", None, "2025-05-26"), ("Western Sahara", "ESH", None, "2025-05-26"),
    # capitals and seats of power used as metonyms
    ("Ankara", "TUR", "GOV", "2025-05-26"), ("Islamabad", "PAK", "GOV", "2025-05-26"),
    ("New Delhi", "IND", "GOV", "2025-05-26"), ("Beijing", "CHN", "GOV", "2025-05-26"),
    ("Moscow", "RUS", "GOV", "2025-05-26"), ("the Kremlin", "RUS", "GOV", "2025-05-26"),
    ("Washington", "USA", "GOV", "2025-05-26"), ("the White House", "USA", "GOV", "2025-05-26"),
    ("Downing Street", "GBR", "GOV", "2025-05-26"), ("Zhongnanhai", "CHN", "GOV", "2025-05-26"),
    ("Rawalpindi", "PAK", "GOV", "2025-05-26"), ("Tehran", "IRN", "GOV", "2025-05-26"),
    ("Kyiv", "UKR", "GOV", "2025-05-26"), ("Tokyo", "JPN", "GOV", "2025-05-26"),
    ("Seoul", "KOR", "GOV", "2025-05-26"), ("Pyongyang", "PRK", "GOV", "2025-05-26"),
    ("Riyadh", "SAU", "GOV", "2025-05-26"), ("Cairo", "EGY", "GOV", "2025-05-26"),
    ("Damascus", "SYR", "GOV", "2025-05-26"), ("Baghdad", "IRQ", "GOV", "2025-05-26"),
    ("Kabul", "AFG", "GOV", "2025-05-26"), ("Dhaka", "BGD", "GOV", "2025-05-26"),
    ("Nairobi", "KEN", "GOV", "2025-05-26"), ("Abuja", "NGA", "GOV", "2025-05-26"),
    ("Caracas", "VEN", "GOV", "2025-05-26"), ("Brasilia", "BRA", "GOV", "2025-05-26"),
    ("Taipei", "TWN", "GOV", "2025-05-26"), ("Ramallah", "PSE", "GOV", "2025-05-26"),
    ("Baku", "AZE", "GOV", "2025-05-26"), ("Yerevan", "ARM", "GOV", "2025-05-26"),
    # leaders, resolved on the article date
    ("Erdogan", "TUR", "GOV", "2010-06-01"), ("President Erdogan", "TUR", "GOV", "2025-05-26"),
    ("Sharif", "PAK", "GOV", "2015-06-01"), ("Prime Minister Sharif", "PAK", "GOV", "2025-05-26"),
    ("Modi", "IND", "GOV", "2025-05-26"), ("Manmohan Singh", "IND", "GOV", "2010-01-01"),
    ("Putin", "RUS", "GOV", "2010-01-01"), ("Vladimir Putin", "RUS", "GOV", "2025-05-26"),
    ("Zelensky", "UKR", "GOV", "2025-05-26"), ("Poroshenko", "UKR", "GOV", "2016-01-01"),
    ("Trump", "USA", "GOV", "2018-01-01"), ("President Biden", "USA", "GOV", "2022-01-01"),
    ("Obama", "USA", "GOV", "2012-01-01"), ("Xi Jinping", "CHN", "GOV", "2025-05-26"),
    ("Netanyahu", "ISR", "GOV", "2025-05-26"), ("Khamenei", "IRN", "GOV", "2025-05-26"),
    ("Rouhani", "IRN", "GOV", "2016-01-01"), ("Merkel", "DEU", "GOV", "2015-01-01"),
    ("Chancellor Merz", "DEU", "GOV", "2025-06-01"), ("Macron", "FRA", "GOV", "2025-05-26"),
    ("Starmer", "GBR", "GOV", "2025-05-26"), ("Boris Johnson", "GBR", "GOV", "2020-01-01"),
    ("Meloni", "ITA", "GOV", "2025-05-26"), ("Kishida", "JPN", "GOV", "2023-01-01"),
    ("Lula", "BRA", "GOV", "2025-05-26"), ("Bolsonaro", "BRA", "GOV", "2020-01-01"),
    ("Milei", "ARG", "GOV", "2025-05-26"), ("Ramaphosa", "ZAF", "GOV", "2025-05-26"),
    ("Albanese", "AUS", "GOV", "2025-05-26"), ("Trudeau", "CAN", "GOV", "2020-01-01"),
    ("Sheinbaum", "MEX", "GOV", "2025-05-26"), ("Prabowo", "IDN", "GOV", "2025-05-26"),
    ("Lavrov", "RUS", "GOV", "2025-05-26"), ("Jaishankar", "IND", "GOV", "2025-05-26"),
    ("Foreign Minister Hakan Fidan", "TUR", "GOV", "2025-05-26"),
    ("Blinken", "USA", "GOV", "2023-01-01"), ("Araghchi", "IRN", "GOV", "2025-05-26"),
    ("Kim Jong Un", "PRK", "GOV", "2025-05-26"), ("Asim Munir", "PAK", "MIL", "2025-05-26"),
    ("Aliyev", "AZE", "GOV", "2025-05-26"), ("Pashinyan", "ARM", "GOV", "2025-05-26"),
    ("Lukashenko", "BLR", "GOV", "2025-05-26"), ("Maduro", "VEN", "GOV", "2025-05-26"),
    # foreign, defence and interior ministers, resolved on the article date
    ("Interior Minister Nancy Faeser", "DEU", "GOV", "2023-03-01"), ("Seehofer", "DEU", "GOV", "2019-05-01"),
    ("Defence Minister Pistorius", "DEU", "GOV", "2024-02-01"), ("Darmanin", "FRA", "GOV", "2022-03-01"),
    ("Le Drian", "FRA", "GOV", "2014-06-01"), ("Foreign Minister Barrot", "FRA", "GOV", "2025-05-26"),
    ("Home Secretary Yvette Cooper", "GBR", "GOV", "2025-01-15"),
    ("Grant Shapps", "GBR", "GOV", "2024-01-10"),
    ("Piantedosi", "ITA", "GOV", "2024-01-01"), ("Crosetto", "ITA", "GOV", "2024-01-01"),
    ("Sikorski", "POL", "GOV", "2024-06-01"), ("Kosiniak-Kamysz", "POL", "GOV", "2024-06-01"),
    ("Shoigu", "RUS", "GOV", "2016-01-01"), ("Kolokoltsev", "RUS", "GOV", "2020-01-01"),
    ("Reznikov", "UKR", "GOV", "2022-06-01"), ("Avakov", "UKR", "GOV", "2016-01-01"),
    ("Defense Secretary Lloyd Austin", "USA", "GOV", "2023-01-01"), ("Mayorkas", "USA", "GOV", "2023-01-01"),
    ("Gallant", "ISR", "GOV", "2024-03-01"), ("Gideon Saar", "ISR", "GOV", "2025-03-01"),
    ("Zarif", "IRN", "GOV", "2015-07-14"), ("Vahidi", "IRN", "GOV", "2023-01-01"),
    ("Zebari", "IRQ", "GOV", "2010-01-01"), ("Walid Muallem", "SYR", "GOV", "2012-01-01"),
    ("al-Shaibani", "SYR", "GOV", "2025-05-26"), ("Amit Shah", "IND", "GOV", "2025-05-26"),
    ("Rajnath Singh", "IND", "GOV", "2025-05-26"), ("Mohsin Naqvi", "PAK", "GOV", "2025-05-26"),
    ("Khawaja Asif", "PAK", "GOV", "2025-05-26"), ("Hulusi Akar", "TUR", "GOV", "2020-01-01"),
    ("Soylu", "TUR", "GOV", "2020-01-01"), ("Wang Yi", "CHN", "GOV", "2025-05-26"),
    ("Dong Jun", "CHN", "GOV", "2025-05-26"), ("Padrino", "VEN", "GOV", "2020-01-01"),
    ("Marles", "AUS", "GOV", "2024-01-01"), ("Melanie Joly", "CAN", "GOV", "2023-01-01"),
    ("Sameh Shoukry", "EGY", "GOV", "2020-01-01"), ("Ayman Safadi", "JOR", "GOV", "2025-05-26"),
    ("Adel al-Jubeir", "SAU", "GOV", "2016-01-01"), ("Abdullah bin Zayed", "ARE", "GOV", "2025-05-26"),
    ("Mudavadi", "KEN", "GOV", "2025-05-26"), ("Bourita", "MAR", "GOV", "2025-05-26"),
    ("Lamamra", "DZA", "GOV", "2022-01-01"), ("Mirzoyan", "ARM", "GOV", "2025-05-26"),
    ("Bayramov", "AZE", "GOV", "2025-05-26"), ("Szijjarto", "HUN", "GOV", "2025-05-26"),
    ("Albares", "ESP", "GOV", "2025-05-26"), ("Grande-Marlaska", "ESP", "GOV", "2025-05-26"),
    ("Choe Son Hui", "PRK", "GOV", "2025-05-26"), ("Retno Marsudi", "IDN", "GOV", "2020-01-01"),
    # international organisations (no country)
    ("the United Nations", None, "IGO", "2025-05-26"), ("the UN", None, "IGO", "2025-05-26"),
    ("NATO", None, "IGO", "2025-05-26"), ("the European Union", None, "IGO", "2025-05-26"),
    ("the EU", None, "IGO", "2025-05-26"), ("the African Union", None, "IGO", "2025-05-26"),
    ("ASEAN", None, "IGO", "2025-05-26"), ("the IMF", None, "IGO", "2025-05-26"),
    ("the World Bank", None, "IGO", "2025-05-26"), ("the ICC", None, "IGO", "2025-05-26"),
    ("OPEC", None, "IGO", "2025-05-26"), ("the Arab League", None, "IGO", "2025-05-26"),
    ("the Security Council", None, "IGO", "2025-05-26"), ("UNHCR", None, "IGO", "2025-05-26"),
    # armed groups and parties
    ("Hamas", "PSE", "REB", "2025-05-26"), ("Hezbollah", "LBN", "REB", "2025-05-26"),
    ("the Houthis", "YEM", "REB", "2025-05-26"), ("the Taliban", "AFG", "REB", "2025-05-26"),
    ("the Pakistani Taliban", "PAK", "REB", "2025-05-26"), ("Boko Haram", "NGA", "REB", "2025-05-26"),
    ("al-Shabaab", "SOM", "REB", "2025-05-26"), ("the PKK", "TUR", "REB", "2025-05-26"),
    ("the TPLF", "ETH", "REB", "2025-05-26"), ("the Rapid Support Forces", "SDN", "REB", "2025-05-26"),
    ("M23", "COD", "REB", "2025-05-26"), ("the Revolutionary Guards", "IRN", "MIL", "2025-05-26"),
    ("the IDF", "ISR", "MIL", "2025-05-26"), ("the Wagner Group", "RUS", "MIL", "2025-05-26"),
    ("the Arakan Army", "MMR", "REB", "2025-05-26"), ("JNIM", "MLI", "REB", "2025-05-26"),
    ("the Muslim Brotherhood", "EGY", "OPP", "2025-05-26"), ("the BJP", "IND", "GOV", "2025-05-26"),
    # demonyms with sector nouns
    ("Turkish troops", "TUR", "MIL", "2025-05-26"), ("Indian police", "IND", "COP", "2025-05-26"),
    ("Pakistani army", "PAK", "MIL", "2025-05-26"), ("Iranian protesters", "IRN", "CVL", "2025-05-26"),
    ("Kenyan lawmakers", "KEN", "LEG", "2025-05-26"), ("a Russian court", "RUS", "JUD", "2025-05-26"),
    ("Chinese warships", "CHN", "MIL", "2025-05-26"), ("Israeli soldiers", "ISR", "MIL", "2025-05-26"),
    ("Ukrainian officials", "UKR", "GOV", "2025-05-26"), ("French diplomats", "FRA", "GOV", "2025-05-26"),
    ("German companies", "DEU", "BUS", "2025-05-26"), ("Egyptian journalists", "EGY", "JRN", "2025-05-26"),
    ("Syrian refugees", "SYR", "REF", "2025-05-26"), ("Afghan refugees", "AFG", "REF", "2025-05-26"),
    ("Nigerian rebels", "NGA", "REB", "2025-05-26"), ("the Turkish government", "TUR", "GOV", "2025-05-26"),
    ("the Indian foreign ministry", "IND", "GOV", "2025-05-26"),
    ("the Pakistani prime minister", "PAK", "GOV", "2025-05-26"),
    ("the Iranian foreign minister", "IRN", "GOV", "2025-05-26"),
    ("Brazilian farmers", "BRA", "AGR", "2025-05-26"), ("Thousands of Kenyans", "KEN", "CVL", "2025-05-26"),
    ("dozens of Iraqi protesters", "IRQ", "CVL", "2025-05-26"),
    ("the president of Turkey", "TUR", "GOV", "2025-05-26"),
    ("Russia's defence ministry", "RUS", "GOV", "2025-05-26"),
    ("India's Supreme Court", "IND", "JUD", "2025-05-26"),
]

FRAMES = [
    "{m} said on Monday that the talks would continue.",
    "Officials met {m} on Tuesday to discuss the crisis.",
]


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "data" / "actors" / "actor_mentions.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for mention, country, sector, day in MENTIONS:
            for frame in FRAMES:
                first = frame.startswith("{m}")
                shown = mention[0].upper() + mention[1:] if first else mention
                text = frame.format(m=shown)
                start = text.index(shown)
                fh.write(json.dumps({"text": text, "date": day, "mention": shown,
                                     "start": start, "end": start + len(shown),
                                     "country": country, "sector": sector}, ensure_ascii=False)
                         + "\n")
                n += 1
    print(f"wrote {n} mentions to {out}")


if __name__ == "__main__":
    main()
