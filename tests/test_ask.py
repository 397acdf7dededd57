"""`drugfaq ask`: the direct answer first, supporting facts and sources after, honest when it cannot answer."""

import json

import pytest


def ask_json(drugfaq, question, *extra):
    r = drugfaq("ask", question, "--format", "json", *extra)
    return r, json.loads(r.out)


def test_is_herceptin_chemo_answers_no_first(drugfaq):
    r = drugfaq("ask", "is herceptin chemo", "-f", "plain")
    assert r.code == 0
    assert r.out.startswith("No. Herceptin (trastuzumab) is not chemotherapy; it is a targeted therapy")
    assert "Sources" in r.out and "https://" in r.out


def test_ask_json_contract(drugfaq):
    r, a = ask_json(drugfaq, "is herceptin chemo")
    assert r.code == 0
    assert a["question"] == "is herceptin chemo"
    assert a["drugs"] == ["trastuzumab"]
    assert a["intent"] == "classification"
    assert a["answered"] is True
    assert a["verdict"] == "no"
    assert a["answer"].startswith("No.")
    assert a["sources"] and all(s["url"].startswith("http") for s in a["sources"])


@pytest.mark.parametrize("question, verdict", [
    ("is herceptin a biologic", "yes"),             # through monoclonal antibody -> biologic
    ("is trastuzumab a monoclonal antibody", "yes"),
    ("is herceptin a targeted therapy", "yes"),
    ("is herceptin an immunotherapy", "no"),
    ("is herceptin a kinase inhibitor", "no"),
    ("is doxorubicin an antitumor antibiotic", "yes"),  # every anthracycline is one
    ("is doxorubicin an antibiotic", "no"),             # ... but not an anti-infective
    ("is tramadol an opioid", "yes"),
    ("is suboxone an opioid", "yes"),                   # buprenorphine: a partial opioid agonist
    ("is narcan an opioid", "no"),                      # an opioid antagonist
    ("is albuterol a rescue inhaler", "yes"),
    ("is advair a rescue inhaler", "no"),               # a long-acting beta-2 agonist with a steroid
    ("is the covid vaccine a live vaccine", "no"),
    ("is clonidine an adhd medication", "yes"),
    ("is ropinirole an antiparkinson drug", "yes"),
    ("is gabapentin an anticonvulsant medication", "yes"),  # a class name asked with "medication" after it
    ("is cabergoline an antiparkinson drug", "no"),        # a dopamine agonist approved for high prolactin
    ("is metoprolol a blood pressure medicine", "yes"),
    ("is ocrelizumab an anti-cd20 antibody", "yes"),
    ("is ocrevus a cancer drug", "no"),                     # an anti-CD20 antibody for multiple sclerosis
    ("is rituximab a targeted therapy", "yes"),
    ("is timolol a blood pressure medicine", "no"),        # a beta blocker, as eye drops for glaucoma          # its extended-release forms (Kapvay)
    ("is chantix an addiction treatment", "yes"),        # stop-smoking aids treat nicotine dependence      # neither kind of COVID-19 vaccine is live
    ("is spikevax an mrna vaccine", "partly"),          # one entry holds the mRNA and the protein vaccines
])
def test_class_questions_reason_over_the_taxonomy(drugfaq, question, verdict):
    _, a = ask_json(drugfaq, question)
    assert a["intent"] == "classification" and a["verdict"] == verdict, a["answer"]


def test_a_no_names_the_drugs_class_that_shares_the_word(drugfaq):
    _, a = ask_json(drugfaq, "is doxorubicin an antibiotic")
    assert a["answer"].startswith("No.") and "an antitumor antibiotic, a different kind of medicine" in a["answer"]


def test_antibody_drug_conjugate_is_partly_chemotherapy(drugfaq):
    _, a = ask_json(drugfaq, "is kadcyla chemo")
    assert a["drugs"] == ["ado-trastuzumab-emtansine"]
    assert a["verdict"] == "partly"
    assert a["answer"].startswith("Partly.") and "chemotherapy" in a["answer"]


@pytest.mark.parametrize("question, intent, must_contain", [
    ("what is herceptin", "identity", "monoclonal antibody"),
    ("what kind of drug is herceptin", "classification", "targeted therapy"),
    ("how does herceptin work", "mechanism", "HER2"),
    ("what is herceptin used for", "indications", "breast cancer"),
    ("what are the side effects of herceptin", "side_effects", "headache"),
    ("how long is herceptin given", "duration", "52 weeks"),
    ("what happens after herceptin treatment", "monitoring", "every 6 months for at least 2 years"),
    ("what monitoring is needed on herceptin", "monitoring", "LVEF"),
    ("who should not take herceptin", "warnings", "heart"),
    ("can i get pregnant after herceptin", "pregnancy", "7 months"),
    ("what is the generic name of herceptin", "names", "trastuzumab"),
    ("herceptin vs perjeta", "comparison", "pertuzumab"),
])
def test_each_intent_is_answered_from_the_knowledge(drugfaq, question, intent, must_contain):
    r, a = ask_json(drugfaq, question)
    assert a["intent"] == intent, a
    assert a["answered"] is True and r.code == 0
    assert must_contain.lower() in (a["answer"] + " ".join(a["facts"])).lower()


def test_does_x_treat_y_is_a_yes_no_question(drugfaq):
    _, a = ask_json(drugfaq, "does herceptin treat gastric cancer")
    assert a["intent"] == "indications" and a["verdict"] == "yes"


def test_misspelled_brand_is_found(drugfaq):
    _, a = ask_json(drugfaq, "whats herceptn for")
    assert a["drugs"] == ["trastuzumab"] and a["intent"] == "indications"


def test_two_drugs_in_one_question(drugfaq):
    _, a = ask_json(drugfaq, "herceptin and perjeta together")
    assert a["drugs"] == ["trastuzumab", "pertuzumab"]


def test_question_the_knowledge_cannot_answer_says_so_and_exits_1(drugfaq):
    r, a = ask_json(drugfaq, "what color is the herceptin vial")
    assert r.code == 1
    assert a["intent"] == "appearance" and a["answered"] is False
    assert "dailymed" in a["answer"].lower() and "pharmacist" in a["answer"]


def test_unknown_drug_in_question_exits_1_and_points_elsewhere(drugfaq):
    r, a = ask_json(drugfaq, "is zzqxv safe with alcohol")
    assert r.code == 1
    assert a["drugs"] == [] and a["answered"] is False
    assert "medlineplus" in a["answer"].lower()


def test_topic_question(drugfaq):
    r, a = ask_json(drugfaq, "how soon can chemo start after port placement")
    assert a["intent"] == "topic" and a["answered"] is True and a["topic"] == "chemo-after-port-placement"


def test_explain_shows_what_was_understood(drugfaq):
    r = drugfaq("ask", "is herceptin chemo", "-f", "plain", "--explain")
    assert "Intent: classification" in r.out
    assert "drug trastuzumab from 'herceptin'" in r.out
    _, a = ask_json(drugfaq, "is herceptin chemo", "--explain")
    assert a["explain"]["decided_by"]


def test_empty_question_is_a_usage_error(drugfaq):
    for q in ("", "   ", "?!"):
        r = drugfaq("ask", q)
        assert r.code == 2 and "empty" in r.err and r.out == ""


def test_batch_questions_from_stdin_as_json_lines(drugfaq_process):
    qs = "is herceptin chemo\nwhat is herceptin used for\n\nis zzqxv safe\n"
    p = drugfaq_process("ask", "-", "--format", "json", input=qs)
    lines = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [a["question"] for a in lines] == ["is herceptin chemo", "what is herceptin used for", "is zzqxv safe"]
    assert lines[0]["verdict"] == "no"
    assert p.returncode == 1  # one question could not be answered


def test_a_yes_about_uses_needs_the_condition_itself(drugfaq):
    """Herceptin Hylecta is approved for breast cancer only; gastric cancer is trastuzumab IV's use."""
    _, a = ask_json(drugfaq, "does herceptin hylecta treat gastric cancer")
    assert a["drugs"] == ["trastuzumab-hyaluronidase"]
    assert a["verdict"] != "yes"
    _, a = ask_json(drugfaq, "does herceptin hylecta treat breast cancer")
    assert a["verdict"] == "yes"


def test_drugs_given_together_in_a_regimen_say_so(drugfaq):
    _, a = ask_json(drugfaq, "can i take herceptin and perjeta together")
    assert a["intent"] == "interactions" and a["answered"] is True
    assert "given together" in a["answer"]


def test_interaction_with_alcohol_comes_from_the_entry(drugfaq):
    _, a = ask_json(drugfaq, "can i drink alcohol with metformin")
    assert a["intent"] == "interactions" and a["drugs"] == ["metformin"]
    assert "alcohol" in a["answer"] and "lactic acidosis" in a["answer"]


def test_names_written_with_a_hyphen_or_space_are_found(drugfaq):
    for question in ("how much b-12 does an adult need", "how much b 12 does an adult need"):
        _, a = ask_json(drugfaq, question)
        assert a["drugs"] == ["cyanocobalamin"], question


def test_a_subclass_is_not_its_parent(drugfaq):
    """Enoxaparin is a low molecular weight heparin; heparin itself is not."""
    assert ask_json(drugfaq, "is enoxaparin a low molecular weight heparin")[1]["verdict"] == "yes"
    assert ask_json(drugfaq, "is heparin a low molecular weight heparin")[1]["verdict"] == "no"
    assert ask_json(drugfaq, "is lovenox a blood thinner")[1]["verdict"] == "yes"


def test_a_class_word_inside_a_question_does_not_make_it_a_class_question(drugfaq):
    _, a = ask_json(drugfaq, "vitamin k foods with warfarin")
    assert a["intent"] == "interactions" and "vitamin K" in a["answer"]


def test_no_far_fetched_suggestions_when_a_class_was_understood(drugfaq):
    r, a = ask_json(drugfaq, "does insulin need to be refrigerated")
    assert a["classes"] == ["insulin-class"] and a["suggestions"] == []
    assert "did you mean" not in r.err


@pytest.mark.parametrize("question, intent", [
    ("is viagra a treament for pulmonary arterial hypertension", "indications"),  # "treament"
    ("what are the different strenths of lisinopril", "dosage"),                   # "strenths", not a comparison
    ("can i take metformin while pregant", "pregnancy"),                           # "pregant"
])
def test_misspelt_question_words_are_read_as_meant(drugfaq, question, intent):
    _, a = ask_json(drugfaq, question, "--explain")
    assert a["intent"] == intent, a["explain"]


def test_misspelt_treatment_still_answers_the_yes_no_use_question(drugfaq):
    _, a = ask_json(drugfaq, "is viagra a treament for pulmonary arterial hypertension")
    assert a["answer"].startswith("Yes.") and a["drugs"] == ["sildenafil"]


@pytest.mark.parametrize("question, intent", [
    ("do i take atorvastatin with or without food", "usage"),
    ("should levothyroxine be taken on an empty stomach", "usage"),
    ("how long before metoprolol begins to show improvement", "onset"),
    ("omeprazole long term use", "duration"),
    ("can i take warfarin with food", "usage"),
    ("foods to avoid when taking warfarin", "interactions"),
])
def test_kinds_of_question_map_to_the_intent_vocabulary(drugfaq, question, intent):
    _, a = ask_json(drugfaq, question, "--explain")
    assert a["intent"] == intent, a["explain"]


def test_active_ingredient_is_answered_and_inactive_ones_point_to_the_label(drugfaq):
    _, a = ask_json(drugfaq, "what is in flomax")
    assert a["intent"] == "ingredients" and a["answered"] is True
    assert "tamsulosin" in a["answer"] and "DailyMed" in a["answer"]
    _, a = ask_json(drugfaq, "is losartan gluten free")
    assert a["intent"] == "ingredients" and a["answered"] is False
    assert "dailymed" in a["answer"].lower()


def test_a_question_an_entry_faq_asks_is_answered_by_that_faq(drugfaq):
    import yaml
    from conftest import ROOT

    entries = yaml.safe_load((ROOT / "data" / "drugs" / "gastrointestinal.yaml").read_text())["drugs"]
    omeprazole = next(d for d in entries if d["id"] == "omeprazole")
    faq = next(f for f in omeprazole["faqs"] if "long term" in f["q"])
    _, a = ask_json(drugfaq, "is omeprazole safe long term", "--explain")
    assert a["answer"] == faq["a"].strip()
    assert "FAQ" in a["explain"]["decided_by"]


def test_a_class_question_is_answered_member_by_member(drugfaq):
    _, a = ask_json(drugfaq, "does insulin need to be refrigerated")
    assert a["intent"] == "storage" and a["answered"] is True and a["drugs"] == []
    assert len(a["facts"]) >= 3 and all("insulin" in f.lower() and "refrigerat" in f.lower() for f in a["facts"])
    _, a = ask_json(drugfaq, "how do you pronounce statins")
    assert a["answered"] is False  # no member holds that


def test_a_name_that_is_both_drug_and_class_is_the_class_when_asked_as_a_kind(drugfaq):
    _, a = ask_json(drugfaq, "is doxycycline a tetracycline")
    assert a["drugs"] == ["doxycycline"] and a["verdict"] == "yes"
    _, a = ask_json(drugfaq, "doxycycline or tetracycline for acne")
    assert a["drugs"] == ["doxycycline", "tetracycline"]  # two drugs named side by side stay drugs


@pytest.mark.parametrize("question, intent", [
    ("whate is metformin", "identity"),                                  # misspelt question word
    ("how long should i wait to take ibuprofen after a dose of naproxen", "usage"),  # timing, not a course
    ("where does warfarin come from", "identity"),
    ("i am experiencing a rash since starting amoxicillin", "side_effects"),
    ("are there antibiotics for a cold", "indications"),
    ("can i take vitamins with rasagiline", "interactions"),             # a class named, but not "is X a Y"
    ("is rasagiline an maoi", "classification"),
])
def test_more_kinds_of_question(drugfaq, question, intent):
    _, a = ask_json(drugfaq, question, "--explain")
    assert a["intent"] == intent, a["explain"]


@pytest.mark.parametrize("question", ["what can prevent migraines", "is there anything for hearing loss"])
def test_ordinary_words_are_not_taken_for_a_drug_name_they_resemble(drugfaq, question):
    r, a = ask_json(drugfaq, question)  # "prevent" is close to PreviDent, "hearing" to heparin
    assert a["drugs"] == [] and r.code == 1


@pytest.mark.parametrize("question, yes", [
    ("can lisinopril lower blood pressure", True),
    ("does lisinopril treat high cholesterol", False),     # every word of the condition must match
    ("does metformin prevent diabetes", False),            # treating type 2 diabetes is not preventing it
    ("does aspirin prevent heart attacks", True),
    ("does herceptin treat gastric cancer", True),         # the label says adenocarcinoma
    ("does omeprazole help heartburn", True),
])
def test_does_x_treat_y_needs_the_whole_condition_and_the_right_verb(drugfaq, question, yes):
    _, a = ask_json(drugfaq, question)
    assert a["intent"] == "indications"
    assert (a["verdict"] == "yes") is yes, a["answer"]
    if not yes:
        assert "does not list" in a["answer"]


def test_a_name_two_drugs_share_on_purpose_is_asked_about_not_guessed(drugfaq):
    r, a = ask_json(drugfaq, "can i get a tetanus shot while pregnant")
    assert r.code == 1 and a["answered"] is False and a["drugs"] == []
    assert a["intent"] == "pregnancy" and len(a["suggestions"]) == 2
    assert "'tetanus shot' can mean" in a["answer"] and "can mean" in r.err


def test_is_a_class_in_a_drug_asks_for_its_ingredients(drugfaq):
    _, a = ask_json(drugfaq, "is penicillin in the pill montelukast")
    assert a["intent"] == "ingredients" and a["drugs"] == ["montelukast"]


def test_a_side_effect_yes_needs_every_word_asked(drugfaq):
    _, a = ask_json(drugfaq, "can calcium cause kidney stones")
    assert a["drugs"] == ["calcium-carbonate"] and a["verdict"] == "yes"
    assert a["answer"].startswith("Yes. Kidney stones is among")
    _, a = ask_json(drugfaq, "does metformin cause kidney stones")  # its label warns about the kidneys, not stones
    assert a["intent"] == "side_effects" and a["verdict"] is None and "does not list kidney stones" in a["answer"]


def test_does_a_class_cause_x_is_counted_over_its_members(drugfaq):
    _, a = ask_json(drugfaq, "do statins cause muscle pain")
    assert a["intent"] == "side_effects" and a["verdict"] == "yes" and a["classes"] == ["statin"]
    assert a["answer"].startswith("Yes. Muscle pain is among the listed side effects or warnings of every statin")
    _, a = ask_json(drugfaq, "do ssris cause weight gain")  # "ssris": an abbreviation's plural
    assert a["classes"] == ["ssri"] and a["verdict"] is None and " of the " in a["answer"]


def test_the_asked_effect_is_quoted_in_the_askers_words(drugfaq):
    _, a = ask_json(drugfaq, "can amlodipine cause swelling in the ankles")
    assert a["answer"].startswith("Yes. Swelling in the ankles is among")


@pytest.mark.parametrize("question, intent, verdict", [
    ("does prednisone raise blood sugar", "side_effects", "yes"),   # raising a level: a side effect
    ("does metformin raise blood sugar", "side_effects", None),     # its label warns of LOW blood sugar only
    ("does metformin lower blood sugar", "indications", "yes"),     # lowering it: type 2 diabetes, in lay words
    ("does atorvastatin lower cholesterol", "indications", "yes"),
])
def test_raising_a_level_is_a_side_effect_and_lowering_it_a_use(drugfaq, question, intent, verdict):
    _, a = ask_json(drugfaq, question)
    assert (a["intent"], a["verdict"]) == (intent, verdict), a["answer"]


@pytest.mark.parametrize("other_drug", ["dexlansoprazole", "norfloxacin", "pitavastatin", "terconazole",
                                        "abobotulinumtoxinA", "dexchlorpheniramine", "lactose"])
def test_another_drug_of_the_same_family_is_not_taken_for_a_misspelling(drugfaq, other_drug):
    r = drugfaq(other_drug, "--format", "json")
    assert r.code == 1 and r.out == ""  # "did you mean ...?" on stderr, never another drug's profile


@pytest.mark.parametrize("typed, meant", [("metropolol", "metoprolol"), ("trastuzamab", "trastuzumab"),
                                          ("lisinipril", "lisinopril"), ("amoxicilin", "amoxicillin")])
def test_a_misspelling_is_still_read_as_the_drug(drugfaq, typed, meant):
    _, a = ask_json(drugfaq, f"what is {typed}")
    assert a["drugs"] == [meant]


def test_a_second_drug_is_named_as_the_asker_named_it(drugfaq):
    _, a = ask_json(drugfaq, "herceptin and perjeta")
    assert a["answer"].startswith("Herceptin (trastuzumab) and Perjeta (pertuzumab) are given together")
