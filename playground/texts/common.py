"""Strings shared by the app shell and every page."""

STRINGS = {
    "app.title": ("Neural Network Playground", "신경망 놀이터"),
    "app.language": ("Language", "언어"),
    "app.group.neurons": ("Neurons", "뉴런"),
    "app.group.networks": ("Networks", "신경망"),
    "app.group.lessons": ("Lessons", "수업"),
    "app.about": (
        "An interactive companion to the first chapter of deep learning: drag the sliders and watch the network respond.",
        "딥러닝 첫 장을 직접 만져 보며 배우는 도구입니다. 슬라이더를 움직이면 신경망이 바로 반응합니다.",
    ),
    "app.bad_language": (
        "Unknown language '{value}' in the link; showing English.",
        "링크의 언어 '{value}'은(는) 지원하지 않아 영어로 표시합니다.",
    ),
    "common.bad_param": (
        "The link's value '{value}' for '{name}' is not valid; using the default {default} instead.",
        "링크에 있는 '{name}' 값 '{value}'이(가) 올바르지 않아 기본값 {default}을(를) 사용합니다.",
    ),
    "share.copy": ("Copy link", "링크 복사"),
    "share.copied": ("Copied", "복사했습니다"),
    "share.failed": ("Not copied: the link is selected, press Ctrl+C", "복사하지 못했습니다. 선택된 링크를 Ctrl+C로 복사하세요"),
    "share.help": (
        "Copies this page's address with every setting, so the link opens the page exactly as it is now.",
        "지금 이 페이지의 모든 설정을 담은 주소를 복사합니다. 링크를 열면 지금과 똑같은 화면이 나옵니다.",
    ),
    "common.off_grid": (
        "The link's value '{value}' for '{name}' lies between the slider's steps of {step}; the slider shows {used}.",
        "링크에 있는 '{name}' 값 '{value}'은(는) 슬라이더 눈금({step} 간격) 사이에 있어 {used}(으)로 맞췄습니다.",
    ),
    # Streamlit's own widget text, given in Korean where the page can own it (ui/uploader.py, placeholders).
    # The English side repeats Streamlit's wording; English mode leaves Streamlit's text as it is.
    "common.upload.button": ("Upload", "파일 찾기"),
    "common.upload.limit": ("{limit}MB per file", "파일당 최대 {limit}MB"),
    "common.choose_options": ("Choose options", "선택하세요"),
}
