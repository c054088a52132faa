import Cruddur
import Infra

InfraCLI.main(app: cruddurApp)
