"""The Playground's share link: config -> URL query -> config, and bad values falling back with a notice."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from playground import playground_config as pc

CHANGED = pc.PlaygroundConfig(
    problem="classification", dataset="spirals", classes=4, noise=35, train_percent=70, points=850, data_seed=12,
    features=("x1", "x2", "x1_sq", "sin_x2"), hidden=(8, 16, 1), activations=("relu", "tanh", "sigmoid"),
    learning_rate=0.003, batch_size=25, optimizer="adam", regularization="l2", reg_rate=0.001, seed=4242,
    show_test=True, discretize=True,
)


def _through_a_browser(config):
    """The query as it comes back after a trip through a real URL string."""
    url = "http://localhost:8501/?" + urlencode(pc.to_query(config))
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


@pytest.mark.parametrize("config", [
    pc.PlaygroundConfig(),
    CHANGED,
    pc.PlaygroundConfig(problem="regression", dataset="multi_gaussian", hidden=(), activations=(), learning_rate=10.0,
                        reg_rate=0.0),
    pc.PlaygroundConfig(dataset="xor", hidden=(16,) * 6, activations=("elu",) * 6, learning_rate=0.00001),
])
def test_round_trip_restores_every_field(config):
    restored, bad = pc.from_query(_through_a_browser(config))
    assert bad == []
    assert restored == config


def test_every_field_travels():
    query = pc.to_query(CHANGED)
    assert set(query) == set(pc.QUERY_NAMES)
    assert query["layers"] == "8,16,1" and query["acts"] == "relu,tanh,sigmoid" and query["lr"] == "0.003"
    assert query["test"] == "1" and query["seed"] == "4242"


def test_empty_query_is_the_default():
    assert pc.from_query({}) == (pc.PlaygroundConfig(), [])


@pytest.mark.parametrize("name,value", [
    ("noise", "80"), ("noise", "abc"), ("train", "5"), ("points", "1e9"), ("lr", "0.02"), ("lr", "nan"),
    ("rate", "-1"), ("opt", "lbfgs"), ("reg", "l3"), ("problem", "ranking"), ("seed", "-3"), ("test", "maybe"),
    ("layers", "4,99"), ("layers", "1,1,1,1,1,1,1"), ("layers", "a,b"), ("features", "x1,cos_x1"),
    ("features", ""), ("acts", "relu,softmax"), ("classes", "9"), ("dataset", "plane"),
])
def test_bad_value_falls_back_to_the_default_and_is_reported(name, value):
    config, bad = pc.from_query({name: value})
    assert [b.name for b in bad] == [name]
    assert bad[0].value == value
    default = pc.PlaygroundConfig()
    if name not in ("acts",):
        assert config == default
    else:
        assert config.activations == default.activations


def test_good_values_survive_next_to_bad_ones():
    config, bad = pc.from_query({"noise": "25", "lr": "banana", "layers": "3", "acts": "relu"})
    assert [b.name for b in bad] == ["lr"]
    assert config.noise == 25 and config.learning_rate == 0.03
    assert config.hidden == (3,) and config.activations == ("relu",)


def test_one_activation_name_applies_to_every_layer_and_a_mismatch_falls_back():
    config, bad = pc.from_query({"layers": "4,4,4", "acts": "relu"})
    assert config.activations == ("relu",) * 3 and bad == []
    config, bad = pc.from_query({"layers": "4,4,4", "acts": "relu,tanh"})
    assert config.activations == ("tanh",) * 3 and [b.name for b in bad] == ["acts"]


def test_dataset_must_belong_to_the_problem():
    config, bad = pc.from_query({"problem": "regression", "dataset": "circle"})
    assert config.problem == "regression" and config.dataset == "plane" and [b.name for b in bad] == ["dataset"]
    config, bad = pc.from_query({"problem": "regression", "dataset": "plane"})
    assert config.dataset == "plane" and bad == []


def test_repeated_parameter_last_one_wins():
    config, bad = pc.from_query({"noise": ["10", "20"], "layers": ["2", "5,5"]})
    assert config.noise == 20 and config.hidden == (5, 5) and bad == []
