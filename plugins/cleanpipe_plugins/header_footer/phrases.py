"""Label phrases of site chrome, in several languages.

These are a secondary signal: the header/footer step finds the article from block
shape first and uses the phrases to tell a short block that belongs to the article
from a short block that is a button, a label or a notice.  Keep the lists general
(words any site may print as chrome); never add text seen on one page only.

Phrases are compared after :func:`header_footer_blocks.normalize` (casefolded,
letters only), so write them in plain lowercase without punctuation.
"""

from __future__ import annotations

from cleanpipe_plugins.header_footer.blocks import normalize

__all__ = [
    "COMMENTS",
    "LABELS",
    "LEGAL_MARKS",
    "MAX_EXTRA_WORDS",
    "NOTICE_MARKS",
    "SECTIONS",
]

# Buttons, menus and notices: a block that *is* one of these (or starts with it and
# adds at most MAX_EXTRA_WORDS words, as in "Share this article on Facebook")
# is chrome wherever it stands, even between two paragraphs of the article.
_LABELS = """
advertisement | advertisements | advertising | advert | sponsored | sponsored content
ad | ads | promoted | paid content | continue reading | continue reading below
story continues below | article continues below | read more | read more below
read the full story | read full article | read full story | read next | read also
more below | scroll to continue | click here | click to enlarge | view gallery
skip to content | skip to main content | skip to navigation | jump to content
skip to article | back to top | go to top | toggle navigation | open navigation menu
menu | main menu | close menu | open menu | search | close | expand | collapse | home
share | share this | share this article | share this story | share this post
share on facebook | share on twitter | share via email | tweet | pin | pin it | email
print | print this page | save | copy link | link copied | whatsapp | facebook
twitter | linkedin | reddit | pinterest | instagram | youtube | telegram | flipboard
subscribe | subscribe now | sign in | sign up | log in | login | logout | register
my account | newsletter | newsletters | sign up for our newsletter | follow us
get the app | download the app | watch live | live tv | listen | play video
breaking news | we use cookies | this website uses cookies | this site uses cookies
accept cookies | accept all cookies | accept | i agree | got it | cookie settings
previous | next | previous article | next article | previous post | next post
loading | show more | show less | load more | see more | see all | view all
photo | image | video | caption | enlarge this image | hide caption | toggle caption
leia mais | leia também | continue lendo | compartilhe | compartilhar | publicidade
assine | entrar | pesquisar | buscar | voltar ao topo | anúncio | patrocinado
leer más | lee también | seguir leyendo | compartir | publicidad | suscríbete
leggi anche | leggi di più | continua a leggere | condividi | pubblicità | iscriviti
accedi | cerca | torna su | lire aussi | lire la suite | partager | publicité
abonnez vous | se connecter | rechercher | weiterlesen | mehr lesen | lesen sie auch
teilen | anzeige | werbung | abonnieren | anmelden | suche | nach oben
baca juga | baca selengkapnya | bagikan | iklan | berlangganan | masuk | cari
lees meer | lees ook | delen | advertentie | zoeken | читать далее | читайте также
поделиться | реклама | подписаться | войти | поиск | перейти к контенту
더보기 | 공유하기 | 광고 | 구독 | 로그인 | 검색 | 뒤로가기 | 인쇄하기 | 목록 | 기사입력
続きを読む | 広告 | シェア | 阅读更多 | 分享 | 广告
"""

# Labels that open a comment section.  Once an article has been read, a block that
# is one of these ends it (boilerpipe's "terminating blocks"): comments are prose too,
# and often longer than the article.
_COMMENTS = """
comments | comment | post a comment | add a comment | leave a comment | leave a reply
join the discussion | view comments | show comments | view the discussion thread
top rated comments | reader comments | discussion | responses | what do you think
comentários | comentario | deixe um comentário | deixe uma resposta
deixe seu comentário
comentarios | deja un comentario | deja una respuesta | commenti | lascia un commento
lascia un commento | commentaires | laisser un commentaire | kommentare
kommentar schreiben | komentar | tinggalkan balasan | tinggalkan komentar | reacties
комментарии | добавить комментарий | оставить комментарий | 댓글 | 댓글쓰기
コメント | 评论 | 发表评论
"""

# Section labels that open other things that follow an article: related stories,
# most-read lists, tags.  They cost the article run a lot, but do not end it.
_SECTIONS = """
related | related articles | related stories | related posts | related content
related news | related topics | related tags | tags | topics | filed under | categories
you may also like | you might also like | you may like | recommended
recommended for you
more from | more stories | more news | more on this | more in | more like this
most read | most popular | most viewed | trending | trending now | popular
latest news | latest stories | top stories | editor s picks | don t miss | see also
about the author | about us | contact us | follow us on | share your thoughts
você pode gostar | veja também
notícias relacionadas | artigos relacionados | mais lidas | leia mais sobre
te puede interesar | noticias relacionadas
lo más leído | artículos relacionados | articoli correlati | potrebbe interessarti
ti potrebbe interessare | più letti | à lire aussi | articles similaires | les plus lus
das könnte sie auch interessieren | meistgelesen | verwandte artikel | berita terkait
artikel terkait | terpopuler | gerelateerde artikelen | похожие записи
вам также может быть интересно | популярное | 관련기사 | 관련 기사 | 많이 본 기사
인기기사 | 많이 본 뉴스 | 関連記事 | 相关文章 | 热门
"""

# Marks of a copyright line, matched anywhere in a block of moderate length; the
# copyright sign itself is matched separately.
_LEGAL = """
all rights reserved | todos os direitos reservados | todos los derechos reservados
tutti i diritti riservati | tous droits réservés | alle rechte vorbehalten
hak cipta dilindungi | все права защищены | 무단전재 | 재배포금지 | 재배포 금지
版权所有 | 無断転載
"""

# Marks of the site speaking to the reader about cookies, privacy, newsletters or
# its comment form, matched anywhere in a block of moderate length.  They say "we",
# "our" and "your": an article that discusses a privacy policy says "its".
_NOTICES = """
we use cookies | this site uses cookies | this website uses cookies | uses cookies to
use of cookies on | our cookie policy | our privacy policy | our privacy notice
our terms of use | our terms of service | our terms and conditions | you agree to
your personal data | your data will | your email address will not be published
required fields are marked | unsubscribe at any time | you can unsubscribe
sign up for our newsletter | subscribe to our newsletter | our data protection
usamos cookies | utilizamos cookies | nossa política de privacidade
o seu endereço de email não será publicado | campos obrigatórios são marcados
seus dados pessoais | nuestra política de privacidad | sus datos personales
tu dirección de correo electrónico no será publicada
los campos obligatorios están marcados | utilizziamo i cookie | questo sito utilizza
la nostra privacy policy | il tuo indirizzo email non sarà pubblicato
i campi obbligatori sono contrassegnati | nous utilisons des cookies
notre politique de confidentialité | votre adresse e mail ne sera pas publiée
les champs obligatoires sont indiqués | wir verwenden cookies
diese website verwendet cookies | unsere datenschutzerklärung
ihre e mail adresse wird nicht veröffentlicht | erforderliche felder sind
kami menggunakan cookie | kebijakan privasi kami
alamat email anda tidak akan dipublikasikan | ruas yang wajib ditandai
мы используем cookie | ваш адрес email не будет опубликован
обязательные поля помечены | 개인정보처리방침 | 쿠키를 사용
"""

MAX_EXTRA_WORDS = 2
"""A block matches a phrase if it adds at most this many words before or after it."""


def _phrases(blob: str) -> frozenset[str]:
    return frozenset(
        key for part in blob.replace("\n", "|").split("|") if (key := normalize(part))
    )


LABELS = _phrases(_LABELS)
SECTIONS = _phrases(_SECTIONS)
COMMENTS = _phrases(_COMMENTS)
LEGAL_MARKS = tuple(sorted(_phrases(_LEGAL)))
NOTICE_MARKS = tuple(sorted(_phrases(_NOTICES)))
