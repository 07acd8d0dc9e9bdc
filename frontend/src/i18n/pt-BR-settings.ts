import type { enSettings } from './en-settings';

/** As mensagens das configurações que envolvem dinheiro, com as mesmas chaves de en-settings.ts. */
export const ptBRSettings: { [K in keyof typeof enSettings]: string } = {
  'exchange.title': 'Chave de API da Binance',
  'exchange.intro':
    'Uma conta Binance por instalação. Os robôs Reais operam com esta chave; os Simulados nunca a usam.',
  'exchange.none': 'Nenhuma chave salva.',
  'exchange.hint': 'A chave termina em',
  'exchange.canTrade': 'Pode negociar à vista',
  'exchange.canWithdraw': 'Pode sacar',
  'exchange.ipRestricted': 'Restrita a IPs confiáveis',
  'exchange.checkedAt': 'Verificada com a Binance em',
  'exchange.warning.noIp':
    'Esta chave não está restrita a endereços IP confiáveis. Na Gestão de API da Binance, restrinja-a ao IP desta máquina.',
  'exchange.add': 'Adicionar uma chave',
  'exchange.replace': 'Trocar a chave',
  'exchange.rightsHint':
    'Crie a chave só com “Enable Reading” (leitura) e “Enable Spot & Margin Trading” (negociação à vista e margem). Uma chave que pode sacar é recusada. A chave e o segredo nunca mais são exibidos.',
  'exchange.apiKey': 'Chave de API',
  'exchange.secret': 'Chave secreta',
  'exchange.save': 'Verificar e salvar',
  'exchange.checking': 'Verificando com a Binance…',
  'exchange.saved': 'A chave foi verificada com a Binance e salva.',
  'exchange.balances': 'Saldos da conta',
  'exchange.noBalances': 'A conta não tem saldo.',
  'exchange.asset': 'Ativo',
  'exchange.free': 'Livre',
  'exchange.locked': 'Em ordens',
  'exchange.remove': 'Remover chave',
  'exchange.removeTitle': 'Remover a chave da Binance?',
  'exchange.removeBody':
    'Os robôs Reais não conseguem mais iniciar até uma nova chave ser salva. As posições abertas na Binance não são tocadas.',
  'exchange.readOnly': 'Só um administrador pode salvar ou remover a chave.',

  'live.title': 'Operação Real',
  'live.intro':
    'Um robô só opera dinheiro de verdade com as três travas abertas. Depois, cada robô ainda pede sua senha e o nome dele digitado.',
  'live.readOnly': 'Só um administrador pode ligar ou desligar a chave Real.',
  'live.gate.label': 'Travas do modo Real',
  'live.gate.open': 'aberta',
  'live.gate.closed': 'fechada',
  'live.gate.environment': 'Instalação (SPOTDESK_LIVE_TRADING)',
  'live.gate.environmentHow':
    'Defina SPOTDESK_LIVE_TRADING=enabled no ambiente (.env) e reinicie o Spotdesk. O painel não consegue mudar isso.',
  'live.gate.switch': 'Chave Real nas Configurações',
  'live.gate.switchHow': 'Um administrador a liga em Configurações › Operação Real.',
  'live.gate.key': 'Chave de API da Binance',
  'live.gate.keyHow': 'Salve uma chave da Binance que pode negociar e não pode sacar.',
  'live.gate.openSettings': 'Abrir Configurações',
  'live.switch.isOn': 'A chave Real está ligada.',
  'live.switch.isOff': 'A chave Real está desligada.',
  'live.switch.onExplain':
    'Ligá-la permite iniciar robôs Reais quando as outras travas também estiverem abertas.',
  'live.switch.offExplain':
    'Desligá-la pausa na hora todos os robôs Reais; as posições abertas mantêm o stop-loss na Binance.',
  'live.switch.password': 'Sua senha atual',
  'live.switch.turnOn': 'Ligar a chave Real',
  'live.switch.turnOff': 'Desligar a chave Real',
  'live.switch.turnedOn': 'A chave Real agora está ligada.',
  'live.switch.turnedOff': 'A chave Real agora está desligada; os robôs Reais foram pausados.',

  'risk.title': 'Pares bloqueados',
  'risk.intro':
    'Nenhum robô opera estes pares: a próxima configuração de cada robô os lista como bloqueados.',
  'risk.none': 'Nenhum par bloqueado.',
  'risk.addLabel': 'Par a bloquear',
  'risk.add': 'Bloquear par',
  'risk.remove': 'Desbloquear {pair}',
  'risk.save': 'Salvar pares bloqueados',
  'risk.saved': 'Pares bloqueados salvos.',
};
