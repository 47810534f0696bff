"""The demo town 霞溪镇: a believable, entirely fictitious town for trying the app out.

``build_demo_town`` (in :mod:`station.demo.town`) fills a data folder with it; the rest of
this package is the raw material (names, places, texts) it draws from.
"""
