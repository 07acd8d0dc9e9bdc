import type { Messages } from './en';
import { ptBRBotPage } from './pt-BR-bot-page';
import { ptBRBots } from './pt-BR-bots';
import { ptBRMarket } from './pt-BR-market';
import { ptBRMonitor } from './pt-BR-monitor';
import { ptBRSettings } from './pt-BR-settings';

/** Português do Brasil. Typed as `Messages`, so a missing or extra key fails the build. */
export const ptBR: Messages = {
  'app.name': 'Spotdesk',
  'app.simBanner': 'DEMO OFFLINE — mercado simulado',
  'app.skipToContent': 'Pular para o conteúdo',
  'app.loading': 'Carregando…',
  'app.sessionFailed': 'O Spotdesk não conseguiu falar com o servidor.',

  'nav.label': 'Navegação principal',
  'nav.menu': 'Menu',
  'nav.closeMenu': 'Fechar menu',
  'nav.dashboard': 'Painel',
  'nav.bots': 'Robôs',
  'nav.audit': 'Registro de auditoria',
  'nav.settings': 'Configurações',

  'topbar.language': 'Idioma',
  'topbar.logout': 'Sair',
  'topbar.signedInAs': 'Conectado como {username} ({role})',

  'role.admin': 'administrador',
  'role.viewer': 'observador',

  'common.cancel': 'Cancelar',
  'common.close': 'Fechar',
  'common.refresh': 'Atualizar',
  'common.retry': 'Tentar de novo',
  'common.none': '—',
  'common.yes': 'sim',
  'common.no': 'não',

  'error.invalid-credentials': 'Usuário ou senha incorretos.',
  'error.too-many-attempts': 'Muitas tentativas sem sucesso. Tente de novo em {seconds} segundos.',
  'error.too-many-attempts-one':
    'Muitas tentativas sem sucesso. Tente de novo em {seconds} segundo.',
  'error.too-many-attempts-later':
    'Muitas tentativas sem sucesso. Aguarde um pouco e tente de novo.',
  'error.weak-password': 'Esta senha é fraca demais. {reason}',
  'error.invalid-setup-token': 'O token de configuração não está correto. Copie-o de novo do log.',
  'error.already-set-up': 'O Spotdesk já está configurado. Entre com seu usuário.',
  'error.username-taken': 'Já existe um usuário com este nome.',
  'error.csrf-failed': 'Sua sessão mudou (outra aba ou o servidor reiniciou). Tente de novo.',
  'error.validation-failed': 'Corrija os campos indicados abaixo.',
  'error.forbidden': 'Seu papel não permite esta ação.',
  'error.network':
    'Não foi possível falar com o servidor do Spotdesk. Verifique se ele está rodando.',
  'error.bad-response': 'O servidor enviou uma resposta que este painel não entende.',
  'error.not-found': 'Não encontrado.',
  'error.unauthenticated': 'Sua sessão terminou. Entre novamente.',
  'error.invalid-json':
    'O servidor não conseguiu ler a requisição. Recarregue a página e tente de novo.',
  'error.request-aborted': 'A requisição foi interrompida. Tente de novo.',
  'error.payload-too-large': 'A requisição é grande demais para o servidor (mais de 100 kB).',
  'error.unsupported-encoding': 'O servidor não aceita a codificação desta requisição.',
  'error.unsupported-charset': 'O servidor não aceita o conjunto de caracteres desta requisição.',
  'error.user-not-found': 'Este usuário não existe mais.',
  'error.cannot-remove-self': 'Você não pode remover a sua própria conta.',
  'error.last-admin': 'O último administrador não pode ser removido.',
  'error.internal-error': 'Algo deu errado no servidor. Os detalhes estão no log do servidor.',
  'error.config-error':
    'A configuração do servidor não é válida. Os detalhes estão no log do servidor.',
  'error.supervisord-rejected': 'O supervisor de processos (supervisord) recusou a requisição.',
  'error.supervisord-fault': 'O supervisor de processos (supervisord) informou um erro.',
  'error.supervisord-bad-response':
    'O supervisor de processos (supervisord) enviou uma resposta que o Spotdesk não entende.',
  'error.supervisord-timeout':
    'O supervisor de processos (supervisord) não respondeu a tempo. Tente de novo.',
  'error.supervisord-unavailable':
    'Não foi possível falar com o supervisor de processos (supervisord).',
  'error.bot-unavailable':
    'O processo Freqtrade do robô não está acessível agora. Ele pode estar iniciando ou reiniciando.',
  'error.bot-timeout': 'O processo Freqtrade do robô não respondeu a tempo. Tente novamente.',
  'error.bot-rejected': 'O Freqtrade recusou o pedido: {message}',
  'error.bot-auth-failed':
    'O robô recusou as credenciais do Spotdesk. Reinicie o robô para que a configuração seja gravada de novo.',
  'error.bot-bad-response': 'O robô enviou uma resposta que o Spotdesk não entende: {message}',
  'error.exchange-unavailable':
    'A Binance não está acessível agora. Verifique a conexão e tente novamente.',
  'error.exchange-timeout': 'A Binance não respondeu a tempo. Tente novamente.',
  'error.exchange-rejected': 'A Binance recusou o pedido: {message}',
  'error.exchange-bad-response': 'A Binance enviou uma resposta que o Spotdesk não entende.',
  'error.exchange-rate-limited':
    'O limite de requisições da Binance para este IP foi atingido. O Spotdesk aguarda e tenta de novo em {seconds} segundos.',
  'error.exchange-banned':
    'A Binance bloqueou este IP por excesso de requisições até {until}. O Spotdesk não envia nada até lá.',
  'error.exchange-key-invalid':
    'A Binance não aceita esta chave e este segredo de API. Confira os dois e a restrição de IP da chave.',
  'error.exchange-key-can-withdraw':
    'Esta chave de API pode sacar fundos. Na Gestão de API da Binance, desative "Enable Withdrawals" (permitir saques) e salve a chave de novo.',
  'error.exchange-key-cannot-trade':
    'Esta chave de API não pode negociar. Na Gestão de API da Binance, ative "Enable Spot & Margin Trading" (negociação à vista e margem) e salve a chave de novo.',
  'error.exchange-key-cannot-read':
    'Esta chave de API não pode ler a conta. Na Gestão de API da Binance, ative "Enable Reading" (leitura).',
  'error.bot-not-found': 'Este robô não existe (talvez tenha sido excluído).',
  'error.bot-transition-refused': 'Este robô não pode {action} enquanto está {state}.',
  'error.bot-has-open-trades':
    'Este robô tem {count} operação(ões) aberta(s). Escolha entre fechá-las antes ou deixá-las abertas.',
  'error.bot-ports-exhausted':
    'Não há porta livre para a API de mais um robô. Exclua um robô ou amplie SPOTDESK_BOT_PORTS.',
  'error.loss-limit-tripped':
    'Este robô atingiu o limite de perda diária e fica pausado até alguém rearmá-lo informando um motivo.',
  'error.live-trading-disabled':
    'A negociação Real está desligada nesta instalação. Defina SPOTDESK_LIVE_TRADING=enabled no ambiente (.env), reinicie o Spotdesk e ligue a chave Real em Configurações.',
  'error.live-switch-off':
    'A chave Real em Configurações está desligada. Um administrador precisa ligá-la antes.',
  'error.exchange-key-missing':
    'Nenhuma chave de API válida da Binance está salva. Adicione uma em Configurações antes.',
  'error.reauth-failed': 'A senha não está correta. Etapas Reais exigem sua senha atual.',
  'error.confirmation-mismatch': 'Digite o nome do robô exatamente para confirmar.',
  'error.bot-not-trading':
    'Este robô não está operando agora (pausado ou parado). Retome ou inicie-o primeiro; para sair de uma operação, basta estar pausado.',
  'error.bad-frame':
    'O servidor não entendeu uma mensagem de atualização em tempo real enviada pelo painel.',
  'error.assistant-not-configured':
    'Nenhum modelo de linguagem está configurado (ou o assistente está desligado): este é o resumo por regras do Spotdesk.',
  'error.assistant-timeout':
    'O modelo de linguagem não respondeu a tempo (duas tentativas): este é o resumo por regras do Spotdesk.',
  'error.assistant-unavailable':
    'O modelo de linguagem não pôde ser alcançado ou recusou o pedido: este é o resumo por regras do Spotdesk.',
  'error.assistant-bad-answer':
    'A resposta do modelo de linguagem não veio no formato esperado: este é o resumo por regras do Spotdesk.',
  'error.assistant-budget-exhausted':
    'O orçamento de tokens do assistente para hoje acabou: este é o resumo por regras do Spotdesk.',
  'error.unknown': 'Algo deu errado: {message}',

  'bot.state.CREATED': 'Criado',
  'bot.state.RUNNING': 'Em execução',
  'bot.state.PAUSED': 'Pausado',
  'bot.state.STOPPED': 'Parado',
  'bot.state.ERROR': 'Erro',
  'bot.stateInSentence.CREATED': 'recém-criado',
  'bot.stateInSentence.RUNNING': 'em execução',
  'bot.stateInSentence.PAUSED': 'pausado',
  'bot.stateInSentence.STOPPED': 'parado',
  'bot.stateInSentence.ERROR': 'com erro',
  'bot.action.start': 'iniciar',
  'bot.action.pause': 'pausar',
  'bot.action.resume': 'retomar',
  'bot.action.stop': 'parar',
  'bot.action.restart': 'reiniciar',
  'bot.action.retry': 'tentar de novo',
  'bot.action.delete': 'ser excluído',
  'bot.action.edit': 'ser editado',
  'bot.action.mode': 'mudar de modo',

  'rule.required': 'Este campo é obrigatório.',
  'rule.invalid-type': 'Este valor é do tipo errado.',
  'rule.invalid-type.string': 'Deve ser um texto.',
  'rule.invalid-type.number': 'Deve ser um número.',
  'rule.invalid-type.int': 'Deve ser um número inteiro.',
  'rule.invalid-type.boolean': 'Deve ser verdadeiro ou falso.',
  'rule.invalid-type.object': 'Deve ser um objeto JSON.',
  'rule.invalid-type.array': 'Deve ser uma lista.',
  'rule.invalid-type.date': 'Deve ser uma data.',
  'rule.too-short': 'Use pelo menos {minimum} caracteres.',
  'rule.too-short-one': 'Use pelo menos {minimum} caractere.',
  'rule.too-long': 'Use no máximo {maximum} caracteres.',
  'rule.too-long-one': 'Use no máximo {maximum} caractere.',
  'rule.wrong-length': 'Deve ter exatamente {length} caracteres.',
  'rule.wrong-length-one': 'Deve ter exatamente {length} caractere.',
  'rule.too-few': 'Escolha pelo menos {minimum} itens.',
  'rule.too-few-one': 'Escolha pelo menos {minimum} item.',
  'rule.too-many': 'Escolha no máximo {maximum} itens.',
  'rule.too-many-one': 'Escolha no máximo {maximum} item.',
  'rule.wrong-count': 'Deve ter exatamente {count} itens.',
  'rule.wrong-count-one': 'Deve ter exatamente {count} item.',
  'rule.too-small': 'Deve ser no mínimo {minimum}.',
  'rule.too-small-exclusive': 'Deve ser maior que {minimum}.',
  'rule.too-big': 'Deve ser no máximo {maximum}.',
  'rule.too-big-exclusive': 'Deve ser menor que {maximum}.',
  'rule.too-early': 'Não pode ser antes de {earliest}.',
  'rule.too-late': 'Não pode ser depois de {latest}.',
  'rule.invalid-format': 'O formato não é válido.',
  'rule.invalid-format.datetime': 'Deve ser uma data e hora como 2026-01-05T10:00:00Z.',
  'rule.invalid-format.date': 'Deve ser uma data como 2026-01-05.',
  'rule.invalid-format.time': 'Deve ser um horário como 10:00:00.',
  'rule.invalid-format.email': 'Deve ser um endereço de e-mail.',
  'rule.invalid-format.url': 'Deve ser um endereço web (URL).',
  'rule.invalid-format.uuid': 'Deve ser um UUID.',
  'rule.invalid-format.lowercase': 'Use apenas letras minúsculas.',
  'rule.invalid-format.uppercase': 'Use apenas letras maiúsculas.',
  'rule.invalid-format.starts_with': 'Deve começar com “{prefix}”.',
  'rule.invalid-format.ends_with': 'Deve terminar com “{suffix}”.',
  'rule.invalid-format.includes': 'Deve conter “{includes}”.',
  'rule.not-multiple-of': 'Deve ser um múltiplo de {divisor}.',
  'rule.invalid-choice': 'Deve ser {options}.',
  'rule.unknown-keys': 'Campos desconhecidos: {keys}.',
  'rule.unknown-keys-one': 'Campo desconhecido: {keys}.',
  'rule.invalid': 'Este valor não é válido.',
  'rule.username-characters': 'Use apenas letras, números, ponto, hífen e sublinhado.',
  'rule.invalid-cursor': 'Este link de página não é válido. Comece de novo pela primeira página.',
  'rule.same-as-username': 'Ela não pode ser igual ao nome de usuário.',
  'rule.no-control-characters':
    'Não pode conter quebras de linha, tabulações ou outros caracteres de controle.',
  'rule.name-taken': 'Já existe um robô com este nome.',
  'rule.pair-format': 'Escreva como BASE/COTAÇÃO em maiúsculas, por exemplo BTC/USDT.',
  'rule.pair-duplicate': 'Este par aparece duas vezes.',
  'rule.pair-quote-mismatch': 'Precisa ser cotado em {quote}, a moeda de cotação do primeiro par.',
  'rule.pair-unknown': 'A Binance não tem mercado à vista com este nome.',
  'rule.pair-inactive': 'Este mercado não está negociando na Binance agora.',
  'rule.pair-live-conflict':
    'O robô Real “{bot}” já opera este par; dois robôs Reais não podem dividir um par.',
  'rule.stake-below-minimum':
    'Precisa ser pelo menos {minimum}, a menor ordem que a Binance aceita em {pair}.',
  'rule.exposure-too-small':
    'Precisa ser pelo menos {minimum} (valor por operação × máximo de operações abertas).',
  'rule.strategy-unknown':
    'Não há estratégia com este nome entre as incluídas nem na sua pasta de estratégias.',
  'rule.required-for-live': 'Um robô Real precisa deste campo.',
  'rule.time-zone-unknown': 'Fuso horário desconhecido. Use um nome como UTC ou America/Sao_Paulo.',
  'rule.pair-not-in-bot': 'Este robô não opera este par. Escolha um dos pares dele.',
  'rule.set-by-environment':
    'Uma variável de ambiente define este campo; altere-a lá (.env) e reinicie o Spotdesk.',
  'rule.too-common': 'Ela aparece em listas de senhas comuns; escolha outra.',

  'boundary.title': 'Algo deu errado',
  'boundary.body':
    'Esta parte da página não pôde ser exibida. O resto do Spotdesk continua funcionando.',
  'boundary.card': 'Este cartão não pôde ser exibido.',
  'boundary.reload': 'Recarregar a página',

  'form.required': 'Este campo é obrigatório.',
  'form.mismatch': 'As senhas não são iguais.',
  'form.passwordRules': 'No mínimo 10 caracteres, diferente do usuário, não uma senha comum.',
  'form.wait': 'Aguarde…',
  'form.showPassword': 'Mostrar senhas',

  'setup.title': 'Configurar o Spotdesk',
  'setup.intro': 'Este é o primeiro início. Crie a conta de administrador que protege este painel.',
  'setup.tokenWhere':
    'O token de configuração, de uso único, aparece no log do contêiner (rode “docker compose logs spotdesk” e procure “setup token”) e fica no arquivo <data>/run/setup-token.',
  'setup.token': 'Token de configuração',
  'setup.username': 'Usuário administrador',
  'setup.password': 'Senha',
  'setup.confirm': 'Confirme a senha',
  'setup.submit': 'Criar conta de administrador',

  'login.title': 'Entrar no Spotdesk',
  'login.username': 'Usuário',
  'login.password': 'Senha',
  'login.submit': 'Entrar',

  'dashboard.title': 'Painel',
  'dashboard.bots': 'Robôs',
  'dashboard.positions': 'Posições abertas',
  'dashboard.pnl': 'Resultado de hoje',
  'dashboard.noBots': 'Ainda não existe nenhum robô, então não há nada para mostrar aqui.',
  'dashboard.liveBots': '{count} robô(s) Real(is) operam dinheiro de verdade.',
  'dashboard.goToBots': 'Ir para Robôs',

  'status.title': 'Estado do orquestrador',
  'status.ready': 'Pronto',
  'status.notReady': 'Não está pronto',
  'status.ok': 'OK',
  'status.failing': 'Com falha',
  'status.check.database': 'Banco de dados',
  'status.check.supervisord': 'Supervisor de processos (supervisord)',

  'system.title': 'Sistema',
  'system.version': 'Versão',
  'system.startedAt': 'Iniciado em',
  'system.dataDir': 'Pasta de dados',
  'system.market': 'Mercado',
  'system.simulated': 'Demo offline (mercado simulado)',
  'system.real': 'Binance Spot',
  'system.liveDisabled': 'Operação real: desativada pelo ambiente',
  'system.liveEnabled': 'Operação real: ativada pelo ambiente',
  'system.supervisord': 'supervisord',

  'settings.title': 'Configurações',
  'settings.account': 'Conta',
  'settings.currentPassword': 'Senha atual',
  'settings.newPassword': 'Nova senha',
  'settings.confirmPassword': 'Confirme a nova senha',
  'settings.changePassword': 'Trocar senha',
  'settings.passwordChanged': 'Senha trocada. As outras sessões desta conta foram encerradas.',
  'settings.language': 'Idioma',
  'settings.theme': 'Tema',
  'theme.system': 'Igual ao sistema',
  'theme.light': 'Claro',
  'theme.dark': 'Escuro',

  'users.title': 'Usuários',
  'users.readOnly': 'Só um administrador pode adicionar ou remover usuários.',
  'users.viewerExplain': 'Um observador vê tudo, mas não pode mudar nada.',
  'users.username': 'Usuário',
  'users.role': 'Papel',
  'users.created': 'Criado em',
  'users.actions': 'Ações',
  'users.you': '(você)',
  'users.add': 'Adicionar observador',
  'users.newUsername': 'Usuário do novo observador',
  'users.newPassword': 'Senha do novo observador',
  'users.added': 'Observador {username} adicionado.',
  'users.remove': 'Remover',
  'users.removeLabel': 'Remover o usuário {username}',
  'users.confirmTitle': 'Remover o usuário {username}?',
  'users.confirmBody':
    'A sessão dele é encerrada na hora e ele não consegue mais entrar. Isto não pode ser desfeito.',
  'users.confirmRemove': 'Remover usuário',
  'users.removed': 'Usuário {username} removido.',
  'users.empty': 'Nenhum usuário.',

  'audit.title': 'Registro de auditoria',
  'audit.intro':
    'Cada mudança feita no Spotdesk, das mais novas para as mais antigas. Os registros nunca podem ser editados nem apagados.',
  'audit.filters': 'Filtros',
  'audit.from': 'De',
  'audit.to': 'Até',
  'audit.actor': 'Autor',
  'audit.action': 'Ação',
  'audit.apply': 'Aplicar filtros',
  'audit.clear': 'Limpar filtros',
  'audit.badRange': 'A data inicial não pode ser depois da data final.',
  'audit.at': 'Horário',
  'audit.target': 'Alvo',
  'audit.changes': 'Mudanças',
  'audit.reason': 'Motivo',
  'audit.ip': 'Endereço IP',
  'audit.empty': 'Nenhum registro corresponde a estes filtros.',
  'audit.next': 'Próxima página',
  'audit.previous': 'Página anterior',
  'audit.page': 'Página {page}',
  'audit.before': 'antes',
  'audit.after': 'depois',
  'audit.noChanges': 'Nenhum valor registrado',

  'notFound.title': 'Página não encontrada',
  'notFound.back': 'Voltar ao painel',

  ...ptBRBots,
  ...ptBRBotPage,
  ...ptBRSettings,
  ...ptBRMonitor,
  ...ptBRMarket,
};
