#include "lexicon.hpp"

#include "scratch.hpp"
#include "swar.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace lovelorn::detail::lexicon {
namespace {

struct ClassEntry {
  std::string_view text;
  std::uint64_t classes;
  std::uint16_t number = 0;
};

struct TriggerEntry {
  std::string_view text;
  Lemma lemma;
  Form form;
};

// ---- people -------------------------------------------------------------------

constexpr ClassEntry kPronouns[] = {
    {"i", kI}, {"i'm", kI | kAux}, {"im", kI | kAux}, {"i've", kI | kAux}, {"ive", kI | kAux},
    {"i'd", kI | kWould}, {"i'll", kI | kIntent}, {"me", kMe}, {"myself", kMe}, {"my", kMy},
    {"we", kWe}, {"we're", kWe | kAux}, {"we've", kWe | kAux}, {"we'd", kWe | kWould},
    {"we'll", kWe | kIntent}, {"us", kUs}, {"our", kOur}, {"ourselves", kUs},
    {"he", kHe}, {"he's", kHe | kAux}, {"hes", kHe | kAux}, {"he'd", kHe | kWould},
    {"he'll", kHe | kIntent}, {"she", kHe}, {"she's", kHe | kAux}, {"shes", kHe | kAux},
    {"she'd", kHe | kWould}, {"she'll", kHe | kIntent}, {"they", kHe}, {"they're", kHe | kAux},
    {"they've", kHe | kAux}, {"they'd", kHe | kWould}, {"they'll", kHe | kIntent},
    {"him", kHim}, {"her", kHim | kHis}, {"them", kHim}, {"himself", kHim}, {"herself", kHim},
    {"his", kHis}, {"their", kHis},
    {"you", kYou}, {"u", kYou}, {"you're", kYou | kAux}, {"youre", kYou | kAux},
    {"you've", kYou | kAux}, {"you'd", kYou | kWould}, {"you'll", kYou | kIntent},
    {"your", kYour}, {"ur", kYour}, {"yourself", kYou},
};

// Romantic counterparts. Plural "girlfriends"/"boyfriends" are usually friends.
constexpr std::string_view kPartnerNouns[] = {
    "boyfriend", "bf", "girlfriend", "gf", "husband", "hubby", "wife", "ex", "exes", "ex's",
    "fiance", "fiancé", "fiancee", "fiancée", "fiance\u0301", "fiance\u0301e", "partner", "spouse", "guy", "man", "boy",
    "girl", "woman", "lover", "crush", "date", "ex-boyfriend", "ex-husband",
    "ex-girlfriend", "ex-wife", "babydaddy",
};

// Other people: contact with them alone is not a contact event.
constexpr std::string_view kThirdNouns[] = {
    "friend", "friends", "girlfriends", "boyfriends", "mom", "mum", "mother", "dad", "father",
    "parents", "parent", "family", "sister", "brother", "sisters", "brothers", "daughter", "son",
    "kids", "kid", "children", "child", "baby's", "therapist", "counselor", "counsellor", "doctor",
    "boss", "coworker", "co-worker", "coworkers", "colleague", "colleagues", "someone",
    "somebody", "anyone", "anybody", "everyone", "everybody", "people", "cousin", "aunt",
    "uncle", "grandma", "grandmother", "roommate", "neighbor", "neighbour", "attorney", "lawyer",
    "teacher", "pastor", "priest", "baristas", "customer", "customers", "client", "clients",
    "grandparents", "in-laws", "niece", "nephew", "boys", "guys", "girls", "men", "women",
};

// ---- function words ---------------------------------------------------------------

constexpr std::string_view kDeterminers[] = {
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "another", "every",
    "each", "all", "one", "of", "other", "few", "couple", "several", "many", "more", "much",
    "lot", "lots", "bunch", "single", "last", "first", "second", "third", "next", "such",
};

constexpr std::string_view kAuxiliaries[] = {
    "am", "is", "are", "was", "were", "be", "been", "being", "'s", "have", "has", "had",
    "do", "does", "did", "can", "could", "may", "might", "must", "shall", "should", "will",
    "would", "'d", "'ll", "'ve", "ll", "ve", "get", "got", "gets", "getting", "ought",
};

constexpr std::string_view kAdverbs[] = {
    "just", "also", "even", "still", "only", "really", "actually", "finally", "then", "again",
    "ever", "always", "usually", "often", "sometimes", "immediately", "already", "literally",
    "constantly", "basically", "probably", "maybe", "perhaps", "definitely", "kind", "sort",
    "kinda", "sorta", "occasionally", "later", "eventually", "suddenly", "randomly", "soon",
    "obsessively", "repeatedly", "continuously", "frequently", "regularly", "all", "both",
    "simply", "apparently", "supposedly", "gently", "seriously", "honestly", "surely", "once",
    "first", "now", "recently", "lately", "here", "there", "mostly", "typically", "normally",
    "to", "like", "somehow", "anyway", "too", "either", "ok", "okay", "not", "no", "longer",
};

// Verbs that take another verb ("tried to call", "kept texting"); skipped when
// looking for a subject.
constexpr std::string_view kCatenatives[] = {
    "try", "tries", "tried", "trying", "start", "starts", "started", "starting", "begin",
    "began", "begun", "keep", "keeps", "kept", "keeping", "continue", "continues", "continued",
    "used", "decide", "decided", "decides", "seem", "seems", "seemed", "need", "needs",
    "needed", "want", "wants", "wanted", "wanting", "wanna", "going", "gonna", "went", "go",
    "goes", "able", "allowed", "supposed", "afraid", "scared", "willing", "plan", "plans",
    "planned", "planning", "hope", "hoping", "hoped", "like", "love", "hate", "refuse",
    "refuses", "refused", "refusing", "stop", "stops", "stopped", "stopping", "quit",
    "forgot", "forget", "bother", "bothered", "bothers", "manage", "managed", "got", "get",
    "let", "make", "made", "dare", "intend", "intends", "tend", "tends", "worth", "help",
    "ready", "meant", "mean", "wait", "waiting", "waited", "expect", "expected", "expecting",
    "would", "whether", "thinking", "considering", "about", "how", "gotta", "has", "have",
    "had", "takes", "took", "take", "time", "chance", "barely", "hardly", "rarely", "seldom",
    "nor", "neither",
};

constexpr std::string_view kNegators[] = {
    "not", "never", "n't", "no", "nor", "neither", "don't", "dont", "didn't", "didnt", "doesn't",
    "doesnt", "won't", "wont", "wouldn't", "wouldnt", "can't", "cant", "cannot", "couldn't",
    "couldnt", "hasn't", "hasnt", "haven't", "havent", "hadn't", "hadnt", "isn't", "isnt",
    "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "shouldn't", "shouldnt",
    "ain't", "aint", "mustn't", "stop", "stops", "stopped", "stopping", "quit", "refuse",
    "refuses", "refused", "refusing", "barely", "hardly", "rarely", "seldom", "without",
    "longer", "avoid", "avoids", "avoided", "avoiding", "unable", "forgot", "failed",
};

// The writer's own plans and wishes.
constexpr std::string_view kIntentions[] = {
    "will", "'ll", "ll", "gonna", "going", "wanna", "want", "wants", "wanted", "wanting",
    "plan", "plans", "planning", "intend", "intends", "hope", "hoping", "should", "shall",
    "need", "needs", "must", "worth", "thinking", "considering", "tempted", "ready", "wish",
    "urge", "gotta", "supposed", "meant", "interested",
};

constexpr std::string_view kConditionals[] = {"if", "unless", "whether", "case", "suppose", "supposing"};

constexpr std::string_view kBreaks[] = {
    "but", "because", "cause", "cuz", "so", "although", "though", "while", "until", "till",
    "since", "after", "before", "or", "and", "that", "who", "which", "where", "when",
    "whenever", "then", "as", "even", "yet", "also", "plus", "instead", "however", "why",
    "what", "how", "if", "unless", "whether", "than",
};

// Verbs that open advice ("Call him.", "Sit down and talk to him.").
constexpr std::string_view kImperatives[] = {
    "call", "text", "talk", "tell", "ask", "send", "write", "reach", "contact", "meet", "see",
    "go", "get", "try", "make", "pick", "sit", "stop", "let", "take", "be", "do", "don't",
    "dont", "please", "keep", "give", "leave", "wait", "find", "confront", "explain", "delete",
    "block", "ignore", "focus", "move", "consider", "insist", "message", "email", "speak",
    "say", "invite", "cut", "unfollow", "unfriend", "respond", "reply", "answer", "discuss",
    "communicate", "set", "start", "put", "spend", "hang", "have", "enjoy", "show", "check",
    "end", "break", "scrap", "walk", "run", "avoid", "schedule", "plan", "arrange", "chat",
};

constexpr std::string_view kSendVerbs[] = {
    "send", "sends", "sent", "sending", "leave", "leaves", "left", "leaving", "drop", "drops",
    "dropped", "shoot", "shot", "make", "makes", "made", "making", "give", "gave", "gives",
    "write", "wrote", "writes", "writing", "written", "return", "returned", "post", "posted",
    "exchanged", "exchange", "put", "do", "did", "have", "had", "has", "having",
};

constexpr std::string_view kReceiveVerbs[] = {
    "get", "gets", "got", "gotten", "getting", "receive", "receives", "received", "receiving",
    "had", "have", "has", "having", "saw", "see", "seen", "noticed", "found", "find",
    "missed",
};

// Words seen inside a channel noun phrase ("TEN missed calls", "a silly text").
constexpr std::string_view kNounModifiers[] = {
    "missed", "silly", "random", "good", "morning", "night", "goodnight", "long", "short",
    "quick", "real", "phone", "video", "voice", "few", "couple", "late", "angry", "sweet",
    "new", "nice", "cute", "nasty", "mean", "drunk", "late-night", "private", "direct",
    "group", "facebook", "instagram", "snapchat", "whatsapp", "in-person", "in", "person",
    "first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th", "last",
    "great", "awkward", "serious", "deep", "brief", "several", "multiple", "dozens", "hundreds",
    "many", "more", "any", "further", "proper", "actual", "big", "little", "small", "official",
    "romantic", "dinner", "lunch", "coffee", "blind", "double", "single", "lengthy", "heartfelt",
    "apology", "break-up", "breakup", "hateful", "loving", "ten", "some", "these", "those",
};

constexpr std::string_view kOutings[] = {
    "beach", "movie", "movies", "cinema", "dinner", "lunch", "breakfast", "brunch", "coffee",
    "drinks", "drink", "bar", "party", "concert", "park", "mall", "club", "restaurant", "walk",
    "walks", "trip", "vacation", "holiday", "wedding", "prom", "dance", "gym", "show", "fair",
    "museum", "zoo", "festival", "game", "date", "dates",
};

constexpr std::string_view kTimeUnits[] = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
    "nights", "morning", "mornings", "evening", "evenings", "week", "weeks", "weekend",
    "weekends", "month", "months", "year", "years", "other", "time",
};

constexpr std::string_view kParticles[] = {"back", "up", "out", "over", "again", "off", "in", "around"};

constexpr ClassEntry kNumbers[] = {
    {"one", kNumber, 1}, {"two", kNumber, 2}, {"three", kNumber, 3}, {"four", kNumber, 4},
    {"five", kNumber, 5}, {"six", kNumber, 6}, {"seven", kNumber, 7}, {"eight", kNumber, 8},
    {"nine", kNumber, 9}, {"ten", kNumber, 10}, {"eleven", kNumber, 11}, {"twelve", kNumber, 12},
    {"thirteen", kNumber, 13}, {"fourteen", kNumber, 14}, {"fifteen", kNumber, 15},
    {"sixteen", kNumber, 16}, {"seventeen", kNumber, 17}, {"eighteen", kNumber, 18},
    {"nineteen", kNumber, 19}, {"twenty", kNumber, 20}, {"thirty", kNumber, 30},
    {"forty", kNumber, 40}, {"fifty", kNumber, 50}, {"hundred", kNumber, 100},
    {"dozen", kNumber, 12}, {"once", kNumber, 1}, {"twice", kNumber, 2}, {"thrice", kNumber, 3},
};

// Requests for advice (asks_question even without a question mark).
constexpr std::string_view kRequests[] = {
    "advice", "advise", "help", "suggestions", "suggestion", "thoughts", "opinion",
    "opinions", "input", "tips", "insight", "guidance",
};

constexpr std::string_view kQuestionWords[] = {
    "what", "why", "how", "when", "where", "who", "which", "should", "shall", "can", "could",
    "would", "will", "do", "does", "did", "is", "are", "am", "was", "were", "has", "have",
    "any", "anyone", "anybody", "whats", "what's", "how's", "hows", "isn't", "don't", "doesn't",
};

// Verbs that end a relationship (facts: who ended it).
constexpr std::string_view kEndedVerbs[] = {
    "dumped", "dumps", "dump", "left", "leaves", "leave", "broke", "breaks", "ended", "ends",
    "end", "divorced", "divorcing", "split", "walked", "cheated",
};

// Relationship status and ending words (facts).
constexpr std::string_view kStatusWords[] = {
    "widow", "widowed", "widower", "passed", "divorced", "divorce", "divorcing", "engaged", "married",
    "dating", "seeing", "together", "broke", "break", "breaking", "broken", "breakup", "break-up", "split",
    "dumped", "dump", "dumps", "left", "leaving", "leaves", "ended", "end", "called", "call",
};

constexpr std::string_view kHabitWords[] = {"whenever", "everytime", "every", "each", "always", "usually"};

constexpr std::string_view kSpeechVerbs[] = {
    "told", "tell", "tells", "said", "say", "says", "asked", "ask", "asks", "explained",
    "mentioned", "admitted", "claimed", "promised", "insisted", "announced", "replied",
};

// ---- contact triggers ---------------------------------------------------------------
// Every surface form of every trigger word. Channel and behaviour of the
// lemma are in kLemmaInfo below.

constexpr TriggerEntry kTriggers[] = {
    // text
    {"text", Lemma::text, Form::base}, {"texts", Lemma::text, Form::third},
    {"texted", Lemma::text, Form::past}, {"texting", Lemma::text, Form::ing},
    {"txt", Lemma::text, Form::base}, {"txts", Lemma::text, Form::plural},
    {"txted", Lemma::text, Form::past}, {"txting", Lemma::text, Form::ing},
    {"textes", Lemma::text, Form::third}, {"messages", Lemma::message, Form::plural},
    {"message", Lemma::message, Form::base}, {"messaged", Lemma::message, Form::past},
    {"messaging", Lemma::message, Form::ing}, {"msg", Lemma::message, Form::base},
    {"msgs", Lemma::message, Form::plural}, {"msged", Lemma::message, Form::past},
    {"sms", Lemma::sms, Form::noun}, {"imessage", Lemma::imessage, Form::noun},
    {"imessages", Lemma::imessage, Form::plural}, {"imessaged", Lemma::imessage, Form::past},
    {"whatsapp", Lemma::whatsapp, Form::noun}, {"whatsapped", Lemma::whatsapp, Form::past},
    {"emojis", Lemma::emoji, Form::plural}, {"emoji", Lemma::emoji, Form::noun},
    {"emoticons", Lemma::emoji, Form::plural},
    // call
    {"call", Lemma::call, Form::base}, {"calls", Lemma::call, Form::third},
    {"called", Lemma::call, Form::past}, {"calling", Lemma::call, Form::ing},
    {"phoned", Lemma::phone, Form::past}, {"phones", Lemma::phone, Form::third},
    {"phoning", Lemma::phone, Form::ing}, {"phone", Lemma::phone, Form::base},
    {"voicemail", Lemma::voicemail, Form::noun}, {"voicemails", Lemma::voicemail, Form::plural},
    {"voice-mail", Lemma::voicemail, Form::noun}, {"rang", Lemma::ring, Form::past},
    {"ring", Lemma::ring, Form::base}, {"rings", Lemma::ring, Form::third},
    // video
    {"facetime", Lemma::facetime, Form::base}, {"facetimed", Lemma::facetime, Form::past},
    {"facetiming", Lemma::facetime, Form::ing}, {"facetimes", Lemma::facetime, Form::third},
    {"skype", Lemma::skype, Form::base}, {"skyped", Lemma::skype, Form::past},
    {"skyping", Lemma::skype, Form::ing}, {"zoom", Lemma::zoom, Form::base},
    {"zoomed", Lemma::zoom, Form::past},
    // email and letters
    {"email", Lemma::email, Form::base}, {"emails", Lemma::email, Form::third},
    {"emailed", Lemma::email, Form::past}, {"emailing", Lemma::email, Form::ing},
    {"e-mail", Lemma::email, Form::base}, {"e-mails", Lemma::email, Form::third},
    {"e-mailed", Lemma::email, Form::past}, {"letter", Lemma::letter, Form::noun},
    {"letters", Lemma::letter, Form::plural}, {"note", Lemma::note, Form::noun},
    {"notes", Lemma::note, Form::plural}, {"card", Lemma::note, Form::noun},
    // social
    {"facebook", Lemma::facebook, Form::noun}, {"fb", Lemma::facebook, Form::noun},
    {"facebooked", Lemma::facebook, Form::past}, {"instagram", Lemma::instagram, Form::noun},
    {"ig", Lemma::instagram, Form::noun}, {"insta", Lemma::instagram, Form::noun},
    {"snapchat", Lemma::snapchat, Form::base}, {"snapchats", Lemma::snapchat, Form::third},
    {"snapchatted", Lemma::snapchat, Form::past}, {"snapchatting", Lemma::snapchat, Form::ing},
    {"snap", Lemma::snap, Form::base}, {"snaps", Lemma::snap, Form::third},
    {"snapped", Lemma::snap, Form::past}, {"snapping", Lemma::snap, Form::ing},
    {"dm", Lemma::dm, Form::base}, {"dms", Lemma::dm, Form::third}, {"dmed", Lemma::dm, Form::past},
    {"dm'd", Lemma::dm, Form::past}, {"dmd", Lemma::dm, Form::past},
    {"dming", Lemma::dm, Form::ing}, {"dm'ing", Lemma::dm, Form::ing},
    {"liked", Lemma::social_post, Form::past}, {"likes", Lemma::social_post, Form::third},
    {"comment", Lemma::comment, Form::base}, {"comments", Lemma::comment, Form::third},
    {"commented", Lemma::comment, Form::past}, {"commenting", Lemma::comment, Form::ing},
    {"story", Lemma::story, Form::noun}, {"stories", Lemma::story, Form::plural},
    {"viewers", Lemma::viewer, Form::plural}, {"viewer", Lemma::viewer, Form::noun},
    {"unfriend", Lemma::unfriend, Form::base}, {"unfriended", Lemma::unfriend, Form::past},
    {"unfriending", Lemma::unfriend, Form::ing}, {"unfollow", Lemma::unfollow, Form::base},
    {"unfollowed", Lemma::unfollow, Form::past}, {"unfollowing", Lemma::unfollow, Form::ing},
    {"follows", Lemma::follow, Form::third}, {"followed", Lemma::follow, Form::past},
    // in person
    {"see", Lemma::see, Form::base}, {"sees", Lemma::see, Form::third},
    {"saw", Lemma::see, Form::past}, {"seen", Lemma::see, Form::past},
    {"seeing", Lemma::see, Form::ing}, {"meet", Lemma::meet, Form::base},
    {"meets", Lemma::meet, Form::third}, {"met", Lemma::meet, Form::past},
    {"meeting", Lemma::meet, Form::ing}, {"meetup", Lemma::meet, Form::noun},
    {"visit", Lemma::visit, Form::base}, {"visits", Lemma::visit, Form::third},
    {"visited", Lemma::visit, Form::past}, {"visiting", Lemma::visit, Form::ing},
    {"date", Lemma::date, Form::noun}, {"dates", Lemma::date, Form::plural},
    {"hang", Lemma::hang, Form::base}, {"hangs", Lemma::hang, Form::third},
    {"hung", Lemma::hang, Form::past}, {"hanging", Lemma::hang, Form::ing},
    {"hangout", Lemma::hang, Form::noun}, {"come", Lemma::come, Form::base},
    {"comes", Lemma::come, Form::third}, {"came", Lemma::come, Form::past},
    {"coming", Lemma::come, Form::ing}, {"stop", Lemma::come, Form::base},
    {"stopped", Lemma::come, Form::past}, {"dropped", Lemma::come, Form::past},
    {"drop", Lemma::come, Form::base}, {"show", Lemma::show, Form::base},
    {"shows", Lemma::show, Form::third}, {"showed", Lemma::show, Form::past},
    {"showing", Lemma::show, Form::ing}, {"stood", Lemma::stand, Form::past},
    {"stand", Lemma::stand, Form::base}, {"go", Lemma::go, Form::base},
    {"goes", Lemma::go, Form::third}, {"went", Lemma::go, Form::past},
    {"going", Lemma::go, Form::ing}, {"spend", Lemma::spend, Form::base},
    {"spends", Lemma::spend, Form::third}, {"spent", Lemma::spend, Form::past},
    {"spending", Lemma::spend, Form::ing}, {"stay", Lemma::stay, Form::base},
    {"stayed", Lemma::stay, Form::past}, {"staying", Lemma::stay, Form::ing},
    {"pick", Lemma::pick, Form::base}, {"picked", Lemma::pick, Form::past},
    {"picks", Lemma::pick, Form::third}, {"face", Lemma::face, Form::noun},
    {"run", Lemma::go, Form::base}, {"ran", Lemma::go, Form::past},
    {"get", Lemma::together, Form::base}, {"got", Lemma::together, Form::past},
    {"getting", Lemma::together, Form::ing},
    // any channel
    {"talk", Lemma::talk, Form::base}, {"talks", Lemma::talk, Form::third},
    {"talked", Lemma::talk, Form::past}, {"talking", Lemma::talk, Form::ing},
    {"speak", Lemma::speak, Form::base}, {"speaks", Lemma::speak, Form::third},
    {"spoke", Lemma::speak, Form::past}, {"spoken", Lemma::speak, Form::past},
    {"speaking", Lemma::speak, Form::ing}, {"chat", Lemma::chat, Form::base},
    {"chats", Lemma::chat, Form::third}, {"chatted", Lemma::chat, Form::past},
    {"chatting", Lemma::chat, Form::ing}, {"conversation", Lemma::conversation, Form::noun},
    {"conversations", Lemma::conversation, Form::plural},
    {"convo", Lemma::conversation, Form::noun}, {"contact", Lemma::contact, Form::base},
    {"contacts", Lemma::contact, Form::third}, {"contacted", Lemma::contact, Form::past},
    {"contacting", Lemma::contact, Form::ing}, {"touch", Lemma::touch, Form::noun},
    {"reach", Lemma::reach, Form::base}, {"reaches", Lemma::reach, Form::third},
    {"reached", Lemma::reach, Form::past}, {"reaching", Lemma::reach, Form::ing},
    {"hear", Lemma::hear, Form::base}, {"hears", Lemma::hear, Form::third},
    {"heard", Lemma::hear, Form::past}, {"hearing", Lemma::hear, Form::ing},
    {"reply", Lemma::reply, Form::base}, {"replies", Lemma::reply, Form::third},
    {"replied", Lemma::reply, Form::past}, {"replying", Lemma::reply, Form::ing},
    {"respond", Lemma::respond, Form::base}, {"responds", Lemma::respond, Form::third},
    {"responded", Lemma::respond, Form::past}, {"responding", Lemma::respond, Form::ing},
    {"response", Lemma::respond, Form::noun}, {"answer", Lemma::answer, Form::base},
    {"answers", Lemma::answer, Form::third}, {"answered", Lemma::answer, Form::past},
    {"answering", Lemma::answer, Form::ing}, {"ignore", Lemma::ignore, Form::base},
    {"ignores", Lemma::ignore, Form::third}, {"ignored", Lemma::ignore, Form::past},
    {"ignoring", Lemma::ignore, Form::ing}, {"avoid", Lemma::avoid, Form::base},
    {"avoids", Lemma::avoid, Form::third}, {"avoided", Lemma::avoid, Form::past},
    {"avoiding", Lemma::avoid, Form::ing}, {"ghost", Lemma::ghost, Form::base},
    {"ghosts", Lemma::ghost, Form::third}, {"ghosted", Lemma::ghost, Form::past},
    {"ghosting", Lemma::ghost, Form::ing}, {"block", Lemma::block, Form::base},
    {"blocks", Lemma::block, Form::third}, {"blocked", Lemma::block, Form::past},
    {"blocking", Lemma::block, Form::ing}, {"delete", Lemma::delete_, Form::base},
    {"deleted", Lemma::delete_, Form::past}, {"deleting", Lemma::delete_, Form::ing},
    {"unanswered", Lemma::unanswered, Form::past}, {"ask", Lemma::ask, Form::base},
    {"asking", Lemma::ask, Form::ing}, {"say", Lemma::say, Form::base},
    {"said", Lemma::say, Form::past}, {"write", Lemma::write, Form::base},
    {"wrote", Lemma::write, Form::past}, {"writing", Lemma::write, Form::ing},
    {"send", Lemma::send, Form::base}, {"sends", Lemma::send, Form::third},
    {"sent", Lemma::send, Form::past}, {"sending", Lemma::send, Form::ing},
    {"discuss", Lemma::discuss, Form::base}, {"discussed", Lemma::discuss, Form::past},
    {"confront", Lemma::confront, Form::base}, {"confronted", Lemma::confront, Form::past},
    {"communicate", Lemma::communicate, Form::base},
    {"communicated", Lemma::communicate, Form::past}, {"check", Lemma::check, Form::base},
    {"checks", Lemma::check, Form::third}, {"checked", Lemma::check, Form::past},
    {"checkup", Lemma::check, Form::base}, {"silence", Lemma::silence, Form::noun},
    {"word", Lemma::silence, Form::noun},
    {"nothing", Lemma::nothing, Form::noun},
};

constexpr LemmaInfo kLemmaInfo[] = {
    {Lemma::none, Channel::any, 0},
    {Lemma::text, Channel::text, kVerbish | kNounish | kChannelWord},
    {Lemma::message, Channel::text, kVerbish | kNounish | kChannelWord},
    {Lemma::sms, Channel::text, kNounish | kChannelWord},
    {Lemma::imessage, Channel::text, kVerbish | kNounish | kChannelWord},
    {Lemma::whatsapp, Channel::text, kVerbish | kNounish | kChannelWord},
    {Lemma::emoji, Channel::text, kNounish | kChannelWord},
    {Lemma::call, Channel::call, kVerbish | kNounish | kChannelWord},
    {Lemma::phone, Channel::call, kVerbish | kChannelWord},
    {Lemma::voicemail, Channel::call, kNounish | kChannelWord},
    {Lemma::ring, Channel::call, kVerbish | kNeedsPerson},
    {Lemma::facetime, Channel::video, kVerbish | kNounish | kChannelWord},
    {Lemma::skype, Channel::video, kVerbish | kNounish | kChannelWord},
    {Lemma::zoom, Channel::video, kVerbish | kChannelWord},
    {Lemma::email, Channel::email, kVerbish | kNounish | kChannelWord},
    {Lemma::letter, Channel::any, kNounish | kChannelWord},
    {Lemma::note, Channel::any, kNounish},
    {Lemma::facebook, Channel::social, kChannelWord},
    {Lemma::instagram, Channel::social, kChannelWord},
    {Lemma::snapchat, Channel::social, kVerbish | kNounish | kChannelWord},
    {Lemma::snap, Channel::social, kVerbish | kNounish | kChannelWord},
    {Lemma::dm, Channel::social, kVerbish | kNounish | kChannelWord},
    {Lemma::social_post, Channel::social, kVerbish},
    {Lemma::comment, Channel::social, kVerbish},
    {Lemma::story, Channel::social, kNounish},
    {Lemma::viewer, Channel::social, kNounish},
    {Lemma::unfriend, Channel::social, kVerbish},
    {Lemma::unfollow, Channel::social, kVerbish},
    {Lemma::follow, Channel::social, kVerbish},
    {Lemma::see, Channel::in_person, kVerbish | kNeedsPerson},
    {Lemma::meet, Channel::in_person, kVerbish | kNeedsPerson},
    {Lemma::visit, Channel::in_person, kVerbish | kNounish},
    {Lemma::date, Channel::in_person, kNounish | kDateLike},
    {Lemma::hang, Channel::in_person, kVerbish},
    {Lemma::come, Channel::in_person, kVerbish},
    {Lemma::show, Channel::in_person, kVerbish},
    {Lemma::stand, Channel::in_person, kVerbish},
    {Lemma::go, Channel::in_person, kVerbish},
    {Lemma::spend, Channel::in_person, kVerbish},
    {Lemma::stay, Channel::in_person, kVerbish},
    {Lemma::pick, Channel::in_person, kVerbish},
    {Lemma::face, Channel::in_person, kNounish},
    {Lemma::together, Channel::in_person, kVerbish},
    {Lemma::talk, Channel::any, kVerbish},
    {Lemma::speak, Channel::any, kVerbish},
    {Lemma::chat, Channel::any, kVerbish | kNounish},
    {Lemma::conversation, Channel::any, kNounish},
    {Lemma::contact, Channel::any, kVerbish | kNounish},
    {Lemma::touch, Channel::any, kNounish},
    {Lemma::reach, Channel::any, kVerbish},
    {Lemma::hear, Channel::any, kVerbish | kReplyLike},
    {Lemma::reply, Channel::any, kVerbish | kNounish | kReplyLike},
    {Lemma::respond, Channel::any, kVerbish | kNounish | kReplyLike},
    {Lemma::answer, Channel::any, kVerbish | kNounish | kReplyLike},
    {Lemma::ignore, Channel::any, kVerbish | kAbsentByMeaning | kNeedsPerson},
    {Lemma::avoid, Channel::any, kVerbish | kAbsentByMeaning | kNeedsPerson},
    {Lemma::ghost, Channel::any, kVerbish | kAbsentByMeaning},
    {Lemma::block, Channel::any, kVerbish | kNeedsPerson},
    {Lemma::delete_, Channel::any, kVerbish},
    {Lemma::unanswered, Channel::any, kReplyLike | kAbsentByMeaning},
    {Lemma::ask, Channel::any, kVerbish | kSpeechOnly},
    {Lemma::say, Channel::any, kVerbish},
    {Lemma::write, Channel::any, kVerbish},
    {Lemma::send, Channel::any, kVerbish},
    {Lemma::discuss, Channel::any, kVerbish},
    {Lemma::confront, Channel::any, kVerbish | kNeedsPerson},
    {Lemma::communicate, Channel::any, kVerbish},
    {Lemma::check, Channel::any, kVerbish},
    {Lemma::silence, Channel::any, kNounish | kAbsentByMeaning},
    {Lemma::nothing, Channel::any, kNounish | kAbsentByMeaning},
};
static_assert(std::size(kLemmaInfo) == static_cast<std::size_t>(Lemma::nothing) + 1);

// ---- the index ----------------------------------------------------------------------

constexpr std::size_t kSlots = 4096;  // power of two, > 2x the number of distinct words

// Word hash over little-endian blocks of eight bytes (the last block
// zero-filled), so the scanner can hash a word with one unaligned load per
// block from its padded copy of the text (hash_padded) and get the same value.
constexpr std::uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

constexpr std::uint32_t hash_finish(std::uint64_t h, std::size_t len) noexcept {
  return static_cast<std::uint32_t>(((h ^ (static_cast<std::uint64_t>(len) << 56)) * kHashMul) >> 32);
}

constexpr std::uint32_t hash(std::string_view s) noexcept {
  std::uint64_t h = 0;
  for (std::size_t b = 0; b < s.size(); b += 8) {
    std::uint64_t block = 0;
    for (std::size_t k = 0; k < 8 && b + k < s.size(); ++k)
      block |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[b + k])) << (8 * k);
    h = (h ^ block) * kHashMul;
  }
  return hash_finish(h, s.size());
}

// hash(string_view(p, len)) when at least 8 readable bytes follow p + len.
inline std::uint32_t hash_padded(const char* p, std::size_t len) noexcept {
  if constexpr (std::endian::native != std::endian::little) {
    return hash(std::string_view(p, len));
  } else {
    std::uint64_t h = 0;
    std::size_t b = 0;
    for (; b + 8 <= len; b += 8) {
      std::uint64_t block;
      std::memcpy(&block, p + b, 8);
      h = (h ^ block) * kHashMul;
    }
    if (b < len) {
      std::uint64_t block;
      std::memcpy(&block, p + b, 8);
      block &= ~0ull >> (8 * (8 - (len - b)));
      h = (h ^ block) * kHashMul;
    }
    return hash_finish(h, len);
  }
}

class Index {
 public:
  Index() {
    slots_.fill(Slot{});
    for (const auto& e : kPronouns) add(e.text, e.classes);
    for (auto w : kPartnerNouns) add(w, kPartnerNoun);
    for (auto w : kThirdNouns) add(w, kThirdNoun);
    for (auto w : kDeterminers) add(w, kDet);
    for (auto w : kAuxiliaries) add(w, kAux);
    for (auto w : kAdverbs) add(w, kAdv);
    for (auto w : kCatenatives) add(w, kCatenative);
    for (auto w : kNegators) add(w, kNeg);
    for (auto w : kIntentions) add(w, kIntent);
    for (auto w : kConditionals) add(w, kCond);
    add("no", kNo);
    for (auto w : kBreaks) add(w, kBreak);
    for (auto w : kImperatives) add(w, kImperative);
    for (auto w : kSendVerbs) add(w, kSend);
    for (auto w : kReceiveVerbs) add(w, kReceive);
    for (auto w : kNounModifiers) add(w, kNounMod);
    for (auto w : kOutings) add(w, kOuting);
    for (auto w : kTimeUnits) add(w, kTimeUnit);
    for (auto w : kParticles) add(w, kParticle);
    add("should", kShould);
    add("shall", kShould);
    add("would", kWould);
    add("'d", kWould);
    for (const auto& e : kNumbers) add(e.text, e.classes, e.number);
    for (auto w : kRequests) add(w, kRequest);
    for (auto w : kQuestionWords) add(w, kQuestionWord);
    for (auto w : kEndedVerbs) add(w, kEnded);
    for (auto w : kHabitWords) add(w, kHabit);
    for (auto w : kStatusWords) add(w, kStatus);
    for (auto w : kSpeechVerbs) add(w, kSpeech);
    for (auto w : {"friends", "girlfriends", "boyfriends", "parents", "kids", "sisters", "brothers",
                   "texts", "calls", "messages", "emails", "dates", "exes"})
      add(w, kPlural);
    for (const auto& t : kTriggers) {
      Word& w = slot(t.text);
      w.lemma = t.lemma;
      w.form = t.form;
    }
  }

  // find(string_view(p, len), h) when at least 8 readable bytes follow p + len:
  // the word is compared a block of eight bytes at a time.
  const Word* find_padded(const char* p, std::size_t len, std::uint32_t h) const noexcept {
    if constexpr (std::endian::native != std::endian::little) {
      return find(std::string_view(p, len), h);
    } else {
      for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
        const Slot& sl = slots_[i];
        if (sl.word < 0) return nullptr;
        if (sl.hash != h || sl.len != len) continue;
        const auto& blocks = blocks_[static_cast<std::size_t>(sl.word)];
        bool same = true;
        for (std::size_t b = 0, k = 0; same && b < len; b += 8, ++k) {
          std::uint64_t x;
          std::memcpy(&x, p + b, 8);
          if (len - b < 8) x &= ~0ull >> (8 * (8 - (len - b)));
          same = x == blocks[k];
        }
        if (same) return &words_[static_cast<std::size_t>(sl.word)];
      }
    }
  }

  // find(string_view(p, len), hash(...)) when at least 8 readable bytes follow p + len.
  const Word* find_padded(const char* p, std::size_t len) const noexcept {
    if constexpr (swar::kEnabled) {
      if (len <= 8) {  // most words: one block, hashed and compared in registers
        const std::uint64_t x = swar::load8(p) & swar::below(static_cast<unsigned>(len));
        const std::uint32_t h = hash_finish(x * kHashMul, len);
        for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
          const Slot& sl = slots_[i];
          if (sl.word < 0) return nullptr;
          if (sl.hash == h && sl.len == len && blocks_[static_cast<std::size_t>(sl.word)][0] == x)
            return &words_[static_cast<std::size_t>(sl.word)];
        }
      }
    }
    return find_padded(p, len, hash_padded(p, len));
  }

  const Word* find(std::string_view s, std::uint32_t h) const noexcept {
    for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& sl = slots_[i];
      if (sl.word < 0) return nullptr;
      if (sl.hash != h || sl.len != s.size()) continue;
      const Word& w = words_[static_cast<std::size_t>(sl.word)];
      const char* a = w.text.data();
      std::size_t k = 0;
      while (k < s.size() && a[k] == s[k]) ++k;
      if (k == s.size()) return &w;
    }
  }

 private:
  void add(std::string_view s, std::uint64_t classes, std::uint16_t number = 0) {
    Word& w = slot(s);
    w.classes |= classes;
    if (number) w.number = number;
  }
  Word& slot(std::string_view s) {
    std::size_t i = hash(s) & (kSlots - 1);
    for (; slots_[i].word >= 0; i = (i + 1) & (kSlots - 1))
      if (words_[static_cast<std::size_t>(slots_[i].word)].text == s) return words_[static_cast<std::size_t>(slots_[i].word)];
    slots_[i] = Slot{hash(s), static_cast<std::int16_t>(count_), static_cast<std::uint16_t>(s.size())};
    words_[count_].text = s;
    for (std::size_t k = 0; k < s.size() && k < 24; ++k)
      blocks_[count_][k / 8] |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) << (8 * (k % 8));
    return words_[count_++];
  }

  // One probe touches one 8-byte slot; the word itself only on a hash match.
  struct Slot {
    std::uint32_t hash = 0;
    std::int16_t word = -1;
    std::uint16_t len = 0;
  };
  std::array<Slot, kSlots> slots_{};
  std::array<Word, kSlots / 2> words_{};
  std::array<std::array<std::uint64_t, 3>, kSlots / 2> blocks_{};  // each word, zero-padded little-endian blocks
  std::size_t count_ = 0;
};

const Index& index() {
  static const Index instance;
  return instance;
}

// Byte classes of the scanner.
enum ByteClass : std::uint8_t { kSep, kLetter, kDigit, kApostrophe, kPunct };

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    std::uint8_t k = kSep;
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80) k = kLetter;
    else if (b >= '0' && b <= '9') k = kDigit;
    else if (b == '\'') k = kApostrophe;
    else if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '"' || b == '(' ||
             b == ')' || b == '-' || b == '/' || b == '\n' || b == '*')
      k = kPunct;
    t[static_cast<std::size_t>(b)] = k;
  }
  return t;
}();

inline std::uint8_t byte_class(char c) noexcept { return kByteClass[static_cast<unsigned char>(c)]; }
inline bool word_byte(char c) noexcept {
  const std::uint8_t k = byte_class(c);
  return k == kLetter || k == kDigit || k == kApostrophe;
}

}  // namespace

const Word* lookup(std::string_view word) noexcept {
  if (word.empty() || word.size() > 24) return nullptr;
  return index().find(word, hash(word));
}

const LemmaInfo& info(Lemma lemma) noexcept { return kLemmaInfo[static_cast<std::size_t>(lemma)]; }

namespace {

// Scanner flags per byte: kWordFlag for the bytes of a word run (letters,
// digits, apostrophes), kNonDigitFlag for every byte that is not a digit.
// kOtherLetterFlag for letters outside a-z (capitals, UTF-8 bytes).
constexpr std::uint8_t kWordFlag = 1, kNonDigitFlag = 2, kOtherLetterFlag = 4;
constexpr std::array<std::uint8_t, 256> kScanFlags = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    const std::uint8_t k = kByteClass[static_cast<std::size_t>(b)];
    std::uint8_t f = (k == kLetter || k == kDigit || k == kApostrophe) ? kWordFlag : 0;
    if (k != kDigit) f |= kNonDigitFlag;
    if (k == kLetter && !(b >= 'a' && b <= 'z')) f |= kOtherLetterFlag;
    t[static_cast<std::size_t>(b)] = f;
  }
  return t;
}();

// The end of the word run starting at i, eight bytes per step (the zero
// padding after the text stops it), with the kNonDigitFlag/kOtherLetterFlag
// of its bytes or'ed into `seen`, as the kScanFlags byte loop would.
inline std::size_t word_end(const char* p, std::size_t i, std::uint8_t& seen) noexcept {
  for (;; i += 8) {
    const std::uint64_t x = swar::load8(p + i);
    const std::uint64_t digit = swar::in_range(x, '0', '9');
    const std::uint64_t other = swar::in_range(x, 'A', 'Z') | swar::high(x);
    const std::uint64_t word = swar::in_range(x, 'a', 'z') | other | digit | swar::equal(x, '\'');
    const std::uint64_t stop = ~word & swar::kHigh;
    const std::uint64_t lanes = stop ? swar::below(swar::first(stop)) & swar::kHigh : swar::kHigh;
    if (word & ~digit & lanes) seen |= kNonDigitFlag;
    if (other & lanes) seen |= kOtherLetterFlag;
    if (stop) return i + swar::first(stop);
  }
}

// Person counts for Scanned::reply(), gathered while scanning.
struct ReplyCounts {
  int you = 0, me = 0, your_partner = 0, my_partner = 0;
  std::uint64_t owner = 0;  // kYour/kMy bits of the previous token

  void add(const Word* w) noexcept {
    const std::uint64_t c = w ? w->classes : 0;
    if (owner && (c & kPartnerNoun) && !(c & kPlural)) {  // "my boyfriend", "your ex"
      if (owner & kYour) ++your_partner;
      if (owner & kMy) ++my_partner;
    }
    if (c & (kYou | kYour)) ++you;
    if (c & (kI | kMe | kMy)) ++me;
    owner = c & (kYour | kMy);
  }
  bool reply() const noexcept {
    if (my_partner > 0) return false;
    if (your_partner >= 2) return true;
    return you >= 3 && you * 10 >= (you + me + 1) * 6;
  }
};

// Fills store[0..) (growing it when needed) and returns the count; s is
// followed by at least 8 zero bytes.
std::size_t tokenize(std::string_view s, std::vector<Tok>& store, ReplyCounts& counts) {
  const Index& idx = index();
  std::size_t count = 0;
  // Room for a typical text up front; doubled when a text is all tokens.
  Tok* toks = store.data();
  std::size_t room = store.size();
  auto next_tok = [&]() -> Tok& {
    if (count == room) {
      store.resize(room * 2 + 64);
      toks = store.data();
      room = store.size();
    }
    return toks[count++];
  };
  const std::size_t n = s.size();
  const char* p = s.data();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(p[i]);
    const std::uint8_t bc = kByteClass[c];
    if (bc == kSep) {
      ++i;
      continue;
    }
    if (bc == kLetter || bc == kDigit) {
      // One pass: find the end and note whether it is all digits.
      std::size_t j = i;
      std::uint8_t seen = 0;
      if constexpr (swar::kEnabled) {
        j = word_end(p, i, seen);
      } else {
        std::uint8_t f;
        while ((f = kScanFlags[static_cast<unsigned char>(p[j])]) & kWordFlag) {  // the zero padding stops it
          seen |= f;
          ++j;
        }
      }
      const bool digits = !(seen & kNonDigitFlag);
      // "hyphen-joined" words stay one token when the joined form is known
      // ("e-mail", "ex-husband"); otherwise the hyphen is its own token.
      if (p[j] == '-' && !digits && j + 1 < n && byte_class(p[j + 1]) == kLetter) {
        std::size_t m = j + 1;
        while (m < n && word_byte(p[m])) ++m;
        if (m - i <= 24 && idx.find_padded(p + i, m - i)) {
          j = m;
          seen |= kOtherLetterFlag;  // not one run: not simple
        }
      }
      // Trailing apostrophes ("guys'") are not part of the word.
      std::size_t e = j;
      while (p[e - 1] == '\'' && e > i + 1) --e;
      Tok& t = next_tok();
      t = Tok{};
      t.begin = static_cast<std::uint32_t>(i);
      t.end = static_cast<std::uint32_t>(e);
      t.simple = !(seen & kOtherLetterFlag);
      if (digits) {
        t.kind = TokKind::number;
        std::uint32_t v = 0;
        for (std::size_t m = i; m < e; ++m) v = v > 100000 ? v : v * 10 + static_cast<std::uint32_t>(p[m] - '0');
        t.value = v;
        // "2.5": keep the integer part only; the fraction is not a count.
        if (e + 1 < n && (p[e] == '.' || p[e] == ',') && p[e + 1] >= '0' && p[e + 1] <= '9') {
          std::size_t m = e + 1;
          while (m < n && p[m] >= '0' && p[m] <= '9') ++m;
          t.end = static_cast<std::uint32_t>(m);
          t.simple = false;
          j = m;
        }
      } else {
        const std::size_t len = e - i;
        if (len <= 24) t.word = idx.find_padded(p + i, len);
        // "friend's", "guy's": look the stem up when the whole form is unknown.
        if (!t.word && len > 2 && p[e - 2] == '\'' && p[e - 1] == 's' && len - 2 <= 24)
          t.word = idx.find_padded(p + i, len - 2);
      }
      counts.add(t.word);
      i = j;
      continue;
    }
    if (bc == kApostrophe) {
      ++i;
      continue;
    }
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?': case '"': case '(': case ')':
      case '-': case '/': case '\n': case '*': {
        Tok& t = next_tok();
        t = Tok{};
        t.begin = static_cast<std::uint32_t>(i);
        t.end = static_cast<std::uint32_t>(i + 1);
        t.kind = TokKind::punct;
        t.punct = static_cast<char>(c);
        counts.add(nullptr);
        break;
      }
      default:
        break;
    }
    ++i;
  }
  return count;
}

}  // namespace

void scan(std::string_view folded, Scanned& out) {
  trim_scratch(out.text_, folded.size());
  trim_scratch(out.toks_, folded.size());
  // The copy is padded with zero bytes: they end the last word, and words
  // can be hashed and compared a block of eight bytes at a time.
  out.text_.assign(folded);
  out.text_.append(8, '\0');
  // Typical text has a token per five bytes; tokenize() grows the rest.
  if (out.toks_.size() < folded.size() / 4 + 64) out.toks_.resize(folded.size() / 4 + 64);
  ReplyCounts counts;
  out.count_ = tokenize(std::string_view(out.text_).substr(0, folded.size()), out.toks_, counts);
  out.reply_ = counts.reply();
}

}  // namespace lovelorn::detail::lexicon
