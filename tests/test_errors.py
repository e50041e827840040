"""UserError's echoed values: long text is cut in the middle, so a long typed path still shows its end."""

from playground.errors import MAX_PARAM_CHARS, UserError


def test_a_long_path_keeps_its_start_and_its_end():
    path = "/srv/" + "deep/" * 100 + "no/such/folder"
    shown = UserError("mnist.folder.not_found", folder=path).params["folder"]
    assert len(shown) == MAX_PARAM_CHARS + 1 and shown.startswith("/srv/deep/") and shown.endswith("/no/such/folder")
    assert shown.count("…") == 1
    assert UserError("mnist.folder.not_found", folder="short/path").params["folder"] == "short/path"


def test_a_huge_integer_is_shown_as_a_power_of_ten():
    assert UserError("mnist.folder.not_found", folder=10**5000).params["folder"] == "10^5000"
