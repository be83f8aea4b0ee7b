"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 27's second sweep: a family whose domestic abuse
notifications (PPNs) reach children's social care every few weeks for most of a year, each
screened 'NFA').

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

from scr_timeline.testing import finding_rows, read_rows

# --- six police notifications in nine months, each screened NFA ------------------------------
# 2014 (Child E born 1 August 2010; Good Friday 18 April, Easter Monday 21 April, 5 and
# 26 May, 25 August).
PPNS_2014 = """\
10/01/2014,Police,PC2,Domestic incident at home address. Mother and Mr X verbal argument about money. Child E (3) present in the house. DASH risk assessment standard.,PPN submitted to MASH.
13/01/2014,Children's Social Care,MASH SW,PPN received re domestic incident 10/01/14. Screened by MASH.,NFA - information shared with nursery. Letter to Mother.
21/02/2014,Police,PC4,Mother called police: Mr X pushed her against the wall during argument. Child E upstairs asleep. DASH medium.,PPN to MASH. Mr X left the address.
26/02/2014,Children's Social Care,MASH SW,PPN received re DA 21/02/14. Screened - threshold not met.,NFA. Signposted Mother to Women's Aid.
03/04/2014,Police,PC2,Neighbour reported shouting and banging. Mother had red mark to cheek; declined to make a statement. Child E present and crying. DASH medium.,PPN to MASH.
08/04/2014,Children's Social Care,MASH SW,PPN received re domestic incident 03/04/14. Third notification this year. Screened.,Threshold not met. NFA. Letter to Mother.
14/05/2014,School,DSL1,Child E (nursery class) upset; said 'daddy hurt mummy'. Logged on CPOMS.,Monitor.
29/05/2014,Police,DC3,Mr X arrested for assault on Mother (split lip). Child E witnessed the assault. DASH high.,MARAC referral. PPN to MASH.
02/06/2014,Children's Social Care,MASH SW,PPN received re DA 29/05/14. Mr X on bail not to contact Mother. Screened.,NFA - protective factors in place.
12/06/2014,Health Visiting,HV1,Routine contact. Mother disclosed DA; said Mr X back living at the address.,Advice given. Not shared.
19/07/2014,Police,PC4,Breach of bail: Mr X at address. Child E present. DASH high.,Mr X arrested. PPN to MASH.
24/07/2014,Children's Social Care,MASH SW,PPN received re DA 19/07/14. Screened.,NFA. Case closed.
10/09/2014,Police,PC2,Domestic incident - Mother and Mr X fighting in the street; Child E in pushchair.,PPN to MASH.
16/09/2014,Children's Social Care,TM3,PPN received re DA 10/09. Sixth police notification in 9 months. Screened.,NFA.
"""


def test_notifications_each_screened_nfa_are_cumulative_concern(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "ppns.csv", PPNS_2014, child_dob="2010-08-01")
    for rulebook in ("wt2006", "wt2013"):
        # every notification was sent (the police record names the MASH: ESC-DOMESTIC is
        # answered by it) and each was decided that day (NFA: ESC-REF-DECISION, the
        # assessment rules and the case-open state all answered): only the cumulative
        # concern is missed. The incidents of 10 January and 3 April and the notification
        # of 21 February's (csc's record of it, row 5: the police record is told as
        # information shared) are three in 83 days: a strategy discussion or enquiry was
        # due 10 WD after Thursday 3 April, Thursday 17 April (before Good Friday). The
        # next cluster starts after it: the school's concern (14 May), the notification
        # of 29 May's arrest (row 10) and the health visitor's disclosure (Thursday 12
        # June): due Thursday 26 June. Each csc record of receiving a police notification
        # within 7 days of the incident is that incident, not another concern
        assert finding_rows(chron, rulebook) == [
            ("ESC-CUMULATIVE", "missing", 6, "2014-04-17", "", None, [2, 5, 6]),
            ("ESC-CUMULATIVE", "missing", 11, "2014-06-26", "", None, [8, 10, 11]),
        ]
