"""What the store keeps of later stages, and under which kind and version.

An article's extraction is kept in the ``analyses`` table as kind ``extraction``; a kept
extraction of another version counts as absent (the stage is run again and the row replaced).
"""

from __future__ import annotations

#: The kind and version under which extractions are kept in the store's `analyses` table.
EXTRACTION_KIND = "extraction"
#: "2": a future weekday that is the publication's own is that day, not a week on; "5": a day a
#: thing is to last until ("would stay closed until Thursday") is ahead; "6": a day in a clause
#: still to come ("with more to follow on Wednesday", "is to be held on Friday") is ahead; "7": a
#: figure counts the noun a participle describes ("355 damaged shops"); "8": a quotation's
#: speaker is the person its subject names before one its apposition names; "9": "is due to be
#: arraigned" tells the act arraign, and a day name in a "would" clause is the nearest such day;
#: "10": a figure written as an adjective counts its noun ("a 94-page indictment": 94 pages);
#: "12": a length with its unit written onto the figure ("11km", "a 415m-deep shaft"), and a
#: predicate whose subject or object counts none is denied ("held no licence"); "13": emphasis
#: in capitals ("has NOT EVEN SUMMONED") is parsed in lower case, and a sum's scale joined by a
#: hyphen is read ("a $1.2-billion deal", "the 480-million-sovin contract"); "14": two days told
#: together ("on Oct. 2 and 3") are one interval, and an organisation's acronym is its mention
#: wherever it stands; "15": a temperature with its scale written on ("44.1C") counts degrees, a
#: name set after its role ("Its manager, Ruben Ashdown,") is a person, and a name set off by
#: commas after a role ("the chair, Marthe Quillan, said") is found, and a day name after a
#: deadline set in the present ("wants 18m krells by midnight on Friday") is the day ahead, and
#: a verb of speech the model cuts short ("raged" read as "rag") credits its quotation, and a day
#: people are summoned or invited to do a thing on is ahead; "16": an announcement with its own
#: day ("warned on March 7 that ...") is a claim of its own, "promised no closures" is no denial,
#: a denied "have" denies the act it has done, "a week ago today" is that day, a name after a
#: site and "at" is a place, and a "he" passed on by the sentence before a quotation is followed;
#: "17": what a figure counts ends at a spaced dash ("five villages - Harrowfold, ..."), and
#: "Not one plane flew" denies the flying, "St Brennan's Hospital" is one place, and a name
#: with an age set off after it ("Ewart Oakrell, 31,") is a person; "18": "never got the chance
#: to put his case" denies putting it, the thing of "failed to deliver the engines" is read at
#: the act, and a past verb alone in capitals ("SNAPPED") is a verb; "19": "half a million" is
#: 500,000 (not "a million"), a wire's dateline ("PELLOW, Calvenna, March 11 (Veridian) - ") is
#: no part of the first sentence, and "will have to apply" / "will not need to apply" tell the
#: act apply; "20": a place in a clause describing the subject ("The car, a grey estate stolen
#: in Vessing ..., was found") does not place the claim, nor is a name in a participle's clause
#: about it ("The museum, founded in 1847 in Morrel's Old Town, drew") its doer, nor are the
#: bodies that describe a passive verb's doer ("by Eulalie Wyncote, the Green Federation member
#: who chairs ...") doers; "21": a day named with "the" ("the Monday morning after polling
#: day") is a day of the story, not read from publication, a day in an "after" phrase of a
#: present state ("is stable after surgery in the early hours of Sunday") is past, and "the
#: minister" is the holder named last ("Prime Minister Helena Varro" is no "minister"); "22":
#: "the 61-year-old said" is the person named before, as a pronoun would be; "23": a spaced
#: straight mark after a quotation's last words closes it, and a place "beneath", "off" or
#: "behind" places the claim; "24": a verb of manner before a titled name credits the name, a
#: day run into a name is cut off it, a "when" clause takes its clause's time, a day before an
#: offset leading into the verb is not the verb's, "nine of the sickest people" counts people,
#: and a place one is "taken to" places the claim; "25": a verb's named subject nearest it
#: speaks, a person's kin in a subject ("Ms Roke's husband") are not that person, "a 3-point
#: shot" counts nothing, "a 75,000-TESSAR bonus" is read, and hospitals, infirmaries and the
#: names before "airport" or "air base" are places; "26": "driven by ambulance to X" is placed
#: at X (the parse hangs "to" on the means), and a "where" clause at the place before it;
#: "27": a point of the compass's "of" phrase places the claim ("north of Gorse Point"), a
#: "where" clause places each of its verbs at the whole place before it ("the apartment on
#: Vessel Street in Lorvenne, where ... arrived ... and took"), and "X Point" is a place;
#: "28": a weight written onto its figure ("14kg") is read
EXTRACTION_VERSION = "28"

__all__ = ["EXTRACTION_KIND", "EXTRACTION_VERSION"]
