"""Property-based tests: any text in, a well-formed answer or a documented error out."""

import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drugfaq.intents import INTENTS
from drugfaq.names import keys_for, normalize

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(TEXT)
def test_normalize_is_idempotent_and_plain(text):
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once


@given(TEXT)
def test_every_key_of_a_name_is_normalised(text):
    for key in keys_for(text):
        assert key and key == key.strip()


@SETTINGS
@given(TEXT)
def test_ask_answers_or_fails_cleanly_for_any_text(drugfaq, text):
    assume(text != "-")  # "-" means: read questions from stdin (tested in test_ask)
    r = drugfaq("ask", "--format", "json", "--", text)  # "--": a question that looks like an option is still a question
    assert "Traceback" not in r.err
    if r.code == 2:
        assert r.out == "" and r.err.startswith("drugfaq: ")
        return
    assert r.code in (0, 1)
    a = json.loads(r.out)
    assert a["intent"] in INTENTS
    assert isinstance(a["answered"], bool) and a["verdict"] in (None, "yes", "no", "partly")
    assert a["answer"] and isinstance(a["drugs"], list)
    assert (r.code == 0) == a["answered"]


@SETTINGS
@given(st.sampled_from(["herceptin", "trastuzumab", "ogivri", "kadcyla", "perjeta"]), st.data())
def test_a_known_name_survives_case_punctuation_and_a_possessive(drugfaq, name, data):
    variant = data.draw(st.sampled_from([name.upper(), name.title(), f"{name}'s", f" {name}? ", f"{name}!"]))
    r = drugfaq(variant, "--format", "json")
    assert r.code == 0, (variant, r.err)


@SETTINGS
@given(TEXT)
def test_show_any_name_gives_a_profile_or_a_one_line_error(drugfaq, text):
    r = drugfaq("show", "--format", "json", "--", text)  # "--": a name that looks like an option is still a name
    assert "Traceback" not in r.err
    if r.code == 0:
        assert json.loads(r.out)["kind"] in ("drug", "class", "topic")
    else:
        assert r.code in (1, 2) and len(r.err.strip().splitlines()) == 1


WORDS = st.sampled_from("how long does it take to work what is the dose side effects of can i stop taking with "
                        "alcohol food pregnant store fridge look like color missed double generic brand used for "
                        "treat cause safe who should not interact mg tablets a day herceptin metformin and or vs "
                        "difference instead kill stay in system after treatment monitor".split())


@given(st.lists(WORDS, max_size=12).map(" ".join), st.integers(0, 2))
def test_literal_gates_never_change_the_intent(text, n_drugs):
    from drugfaq.intents import classify

    assert classify(text, n_drugs) == classify(text, n_drugs, gated=False)
